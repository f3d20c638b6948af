import { pgEnum } from 'drizzle-orm/pg-core';
import {
  companyTypes,
  internalHelpdeskSharingModes,
  licenceTypes,
  portalTiers,
  publishLevels,
  requestFieldModes,
  statusMeanings,
} from '../../shared/access-vocabulary.ts';

export const licenceTypeEnum = pgEnum('licence_type', licenceTypes);
export const companyTypeEnum = pgEnum('company_type', companyTypes);
export const sharingModeEnum = pgEnum('internal_helpdesk_sharing', internalHelpdeskSharingModes);
export const portalTierEnum = pgEnum('portal_tier', portalTiers);
export const publishLevelEnum = pgEnum('publish_level', publishLevels);
export const statusMeaningEnum = pgEnum('status_meaning', statusMeanings);
export const requestFieldModeEnum = pgEnum('request_field_mode', requestFieldModes);
