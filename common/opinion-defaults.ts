// The office's grades of public opinion until it writes its own: definitions and deadline hours.
// 重大 is answered within 24 hours ("第一时间"); the office can change every figure in settings.
import type { GradeSettings } from './opinion-schemas';

export const GRADE_DEFAULTS: GradeSettings = {
  general: {
    definition: '个别网民或群众反映的一般性问题，传播范围小，未引起媒体关注。',
    deadlineHours: 72,
  },
  major: {
    definition: '在本地引起较多关注、转发评论较多，或有媒体跟进报道的问题。',
    deadlineHours: 48,
  },
  severe: {
    definition: '涉及公共安全、群众切身利益，引起广泛关注或上级媒体、全国性媒体关注的问题；须及时上报。',
    deadlineHours: 24,
  },
};
