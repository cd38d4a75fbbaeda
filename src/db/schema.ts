import type { AreasTables } from '../modules/areas/areas.table';
import type { DemandsTables } from '../modules/demands/demands.table';
import type { IamTables } from '../modules/iam/iam.table';
import type { NotificationsTables } from '../modules/notifications/notifications.table';
import type { OwnersTables } from '../modules/owners/owners.table';
import type { OwnersVotesTables } from '../modules/owners/owners.votes.table';
import type { PartyTables } from '../modules/party/party.table';
import type { PeopleTables } from '../modules/people/people.table';

/** The whole database as Kysely sees it: each module contributes its tables. */
export interface Database
  extends IamTables,
    AreasTables,
    PeopleTables,
    PartyTables,
    OwnersTables,
    OwnersVotesTables,
    DemandsTables,
    NotificationsTables {}
