import type { App } from '../../server/types';
import { ledgerExportRoutes } from './people.export.routes';
import { ledgerImportRoutes } from './people.import.routes';
import { talentsRoutes } from './people.talents.routes';

/** The talent ledger and the Excel ledgers (import, export): one plugin for app.ts to register. */
export async function peopleLedgerRoutes(app: App): Promise<void> {
  await talentsRoutes(app);
  await ledgerImportRoutes(app);
  await ledgerExportRoutes(app);
}
