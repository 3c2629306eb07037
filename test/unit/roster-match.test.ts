// Roster import: each row's 部门 text resolves to exactly one department, or the row is refused.
import { describe, expect, it } from 'vitest';
import { matchRoster, type RosterDepartment } from '../../services/roster/match';
import type { RosterRow } from '../../services/roster/parse';

const DEPARTMENTS: RosterDepartment[] = [
  { id: 'ndrc', name: '市发改委', fullName: '日照市发展和改革委员会', aliases: ['市计委'] },
  { id: 'health', name: '市卫生计生委', fullName: '日照市卫生和计划生育委员会', aliases: ['市卫生局', '市人口计生委'] },
  // Two departments that both were once 市农委: a former name they share is ambiguous.
  { id: 'agri', name: '市农业农村局', fullName: '日照市农业农村局', aliases: ['市农委'] },
  { id: 'forest', name: '市林业局', fullName: '日照市林业局', aliases: ['市农委'] },
  // A new department reusing an old name: its current name wins.
  { id: 'newhealth', name: '市卫生局', fullName: '日照市卫生健康局', aliases: [] },
];

const row = (line: number, department: string, name = `人员${line}`): RosterRow => ({
  line,
  department,
  name,
  role: 'spokesperson',
  roleText: null,
  phone: null,
  email: null,
});

describe('matchRoster', () => {
  it('matches by short name, full name and former name, ignoring width and spaces', () => {
    const r = matchRoster(
      [
        row(2, '市发改委'),
        row(3, '日照市发展和改革委员会'),
        row(4, '市计委'),
        row(5, ' 市人口 计生委'),
        row(6, '市卫生局'),
      ],
      DEPARTMENTS,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.departmentId])).toEqual([
      [2, 'ndrc'],
      [3, 'ndrc'],
      [4, 'ndrc'],
      [5, 'health'],
      [6, 'newhealth'],
    ]);
    expect(r.rows[0]).toMatchObject({ department: '市发改委', name: '人员2', role: 'spokesperson' });
  });

  it('refuses unknown and ambiguous departments, and a person listed twice', () => {
    const r = matchRoster(
      [row(2, '发改委'), row(3, '市农委'), row(4, '市宇宙局'), row(5, '市发改委', '张伟'), row(6, '市计委', '张伟')],
      DEPARTMENTS,
      '单位名称',
    );
    expect(r.rows.map((x) => x.line)).toEqual([5]);
    expect(r.errors).toEqual([
      {
        line: 2,
        column: '单位名称',
        message: 'line 2, "单位名称": no department is called "发改委"; did you mean "市发改委"?',
      },
      {
        line: 3,
        column: '单位名称',
        message:
          'line 3, "单位名称": "市农委" could be any of 市农业农村局 (日照市农业农村局), 市林业局 (日照市林业局); write the full name',
      },
      { line: 4, column: '单位名称', message: 'line 4, "单位名称": no department is called "市宇宙局"' },
      { line: 6, message: 'line 6: 张伟 of 市发改委 is already on line 5' },
    ]);
  });
});
