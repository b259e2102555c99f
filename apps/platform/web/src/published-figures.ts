/** The published figures the county's own are read against (DOMAIN.md; documents 000, 003, 004). */
export const PUBLISHED = {
  province: { employmentRate: 0.969, employmentRate2023: 0.9619, employedPerHousehold: 2.34 },
  /** Anshun (520400), document 004. */
  anshun: { employmentRate: 0.9626, employedPerHousehold: 2.29 },
} as const;

export const ANSHUN_CODE = '520400';
