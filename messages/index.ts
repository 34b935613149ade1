// The message catalog: one JSON file per namespace per locale, aggregated here by static imports so
// the bundler sees every file and a missing translation is a type/build error, not a runtime surprise.
//
// To add a namespace: create messages/en/<ns>.json and messages/zh-CN/<ns>.json, then add one line to
// each locale object below. messages/catalog.test.ts checks both locales have the same keys.
import type { Locale } from '@/i18n/config';

import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enOverview from './en/overview.json';
import enPlaceholders from './en/placeholders.json';
import enShell from './en/shell.json';
import enStates from './en/states.json';
import enTokens from './en/tokens.json';
import enFleet from './en/fleet.json';
import enNodes from './en/nodes.json';
import enPods from './en/pods.json';
import enWorkloads from './en/workloads.json';
import enDatacenters from './en/datacenters.json';
import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enTenancy from './en/tenancy.json';

import zhAuth from './zh-CN/auth.json';
import zhCommon from './zh-CN/common.json';
import zhOverview from './zh-CN/overview.json';
import zhPlaceholders from './zh-CN/placeholders.json';
import zhShell from './zh-CN/shell.json';
import zhStates from './zh-CN/states.json';
import zhTokens from './zh-CN/tokens.json';
import zhFleet from './zh-CN/fleet.json';
import zhNodes from './zh-CN/nodes.json';
import zhPods from './zh-CN/pods.json';
import zhWorkloads from './zh-CN/workloads.json';
import zhDatacenters from './zh-CN/datacenters.json';
import zhAdmin from './zh-CN/admin.json';
import zhAudit from './zh-CN/audit.json';
import zhTenancy from './zh-CN/tenancy.json';

const en = {
  auth: enAuth,
  common: enCommon,
  overview: enOverview,
  placeholders: enPlaceholders,
  shell: enShell,
  states: enStates,
  tokens: enTokens,
  fleet: enFleet,
  nodes: enNodes,
  pods: enPods,
  workloads: enWorkloads,
  datacenters: enDatacenters,
  admin: enAdmin,
  audit: enAudit,
  tenancy: enTenancy,
};

/** English is the source catalog; its shape is the type every other locale must match. */
export type Messages = typeof en;

const zhCN: Messages = {
  auth: zhAuth,
  common: zhCommon,
  overview: zhOverview,
  placeholders: zhPlaceholders,
  shell: zhShell,
  states: zhStates,
  tokens: zhTokens,
  fleet: zhFleet,
  nodes: zhNodes,
  pods: zhPods,
  workloads: zhWorkloads,
  datacenters: zhDatacenters,
  admin: zhAdmin,
  audit: zhAudit,
  tenancy: zhTenancy,
};

export const messagesByLocale: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
