// The folder packages are written to: what the user last exported into (remembered on this computer),
// else `<office export folder>/portal`, the service's own default.
import { useCallback, useState } from 'react';
import { useOffice } from '../../api/office-hooks';
import { defaultPortalDir } from './portal-logic';

const LAST_PORTAL_DIR = 'press-office.portalDir';

function stored(): string | null {
  try {
    return window.localStorage.getItem(LAST_PORTAL_DIR);
  } catch {
    return null;
  }
}

/** [the folder shown, change it while typing, remember it after an export succeeded]. */
export function usePortalDir(): [string, (dir: string) => void, (dir: string) => void] {
  const office = useOffice();
  const [typed, setTyped] = useState<string | null>(null);
  const remember = useCallback((dir: string) => {
    try {
      window.localStorage.setItem(LAST_PORTAL_DIR, dir);
    } catch {
      // Storage may be unavailable; the folder then lasts for this page only.
    }
  }, []);
  const dir = typed ?? stored() ?? defaultPortalDir(office.data?.defaultExportDir);
  return [dir, setTyped, remember];
}
