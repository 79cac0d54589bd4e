import { z } from 'zod';
import { BusinessCalendarSchema } from '../core/business-calendar.ts';
import { expandHolidayRules, HolidayRulesSchema } from './holiday-rules.ts';

/**
 * A business calendar as the config file writes it: `holidays` is either a list of local dates or
 * rules for date-holidays (`{ country: FI }`), expanded here into the dates the core's calendar
 * holds, so the domain keeps plain data.
 */
export const ConfigCalendarSchema = BusinessCalendarSchema.extend({
  holidays: z.union([z.array(z.iso.date('a real local date as YYYY-MM-DD')), HolidayRulesSchema]).default([]),
}).transform((calendar) => ({
  ...calendar,
  holidays: Array.isArray(calendar.holidays) ? calendar.holidays : expandHolidayRules(calendar.holidays),
}));
