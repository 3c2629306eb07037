// The Electron preload bridge. Absent in browser mode, where the app talks HTTP instead.
import type { Result } from '../../common/result';

declare global {
  interface Window {
    pressOffice?: {
      invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
    };
  }
}
