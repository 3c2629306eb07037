// A child process for the crash tests: writes realistic transactions (a conference with its
// departments, speakers and attendance, all in one transaction) and prints each committed id,
// until it is killed. `file` mode rewrites a large file atomically in a loop instead.
import { localDate } from '../../../common/dates';
import { checkInConference, createConference } from '../../../db/queries/conference-lifecycle';
import { createPerson, createTraining } from '../../../db/queries/people';
import { writeFileAtomic } from '../../../services/atomic-file';
import { makeStamp } from '../../../services/context';
import { openApp } from '../../../services/open-app';

const [mode, target, migrationsFolder] = process.argv.slice(2);

if (mode === 'file') {
  // Each version is a complete JSON document of ~2 MB naming its sequence number.
  for (let n = 1; ; n++) {
    const body = JSON.stringify({ n, filler: 'x'.repeat(2_000_000) });
    writeFileAtomic(target as string, body);
    process.stdout.write(`${n}\n`);
  }
}

const app = openApp(target as string, { mode: 'cli', actor: 'crash-writer', migrationsFolder });

if (mode === 'count') {
  // `count DB MIGRATIONS PERSON N`: N training records, one transaction each, as a second writer.
  const [personId, n] = process.argv.slice(5);
  for (let i = 0; i < Number(n); i++) {
    createTraining(app.ctx.db, makeStamp(app.ctx, 'cli-writer'), {
      personId: personId as string,
      date: '2026-01-01',
      course: `cli ${i}`,
    });
  }
  app.close();
  process.exit(0);
}
const stamp = () => makeStamp(app.ctx, 'crash-writer');
const departments = ['rizhao-01', 'rizhao-02', 'rizhao-03'];
const people = departments.map((departmentId, i) => {
  const existing = app.client.prepare('SELECT id FROM people WHERE department_id = ? LIMIT 1').get(departmentId) as
    | { id: string }
    | undefined;
  return (
    existing?.id ??
    createPerson(app.ctx.db, stamp(), {
      departmentId,
      name: `发言人${i}`,
      role: 'spokesperson',
      title: null,
      phone: null,
      email: null,
      tenureStart: null,
      tenureEnd: null,
      notes: null,
    }).id
  );
});
const today = localDate(new Date());

for (let n = 0; ; n++) {
  const id = app.ctx.db.transaction((t) => {
    const s = stamp();
    const conferenceId = createConference(t, s, {
      title: `压力测试发布会 ${n}`,
      date: today,
      time: '09:30',
      venue: null,
      organizer: 'city',
      hostDepartmentId: null,
      departmentIds: departments,
      topics: ['重点工作'],
      speakers: people.map((personId) => ({ personId, role: 'spokesperson' as const })),
      mediaIds: [],
      notes: 'x'.repeat(2000),
    });
    checkInConference(t, s, {
      id: conferenceId,
      attendance: people.map((personId) => ({ personId, role: 'spokesperson' as const, status: 'attended' as const })),
      media: [],
      reason: null,
    });
    return conferenceId;
  });
  process.stdout.write(`${id}\n`);
}
