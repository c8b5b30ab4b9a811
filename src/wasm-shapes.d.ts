// The shapes of the answers, generated from the Rust types (their serde derives) by
// `UPDATE_WASM_SHAPES=1 cargo test --lib json::typescript`: do not edit.

// ----- Values of every answer ----------------------------------------------------------------

/** A civil date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A language of the messages. */
export type Lang = "kk" | "ru" | "en";

// ----- The report (output of checkApplication) -----------------------------------------------

/** The report on one application. */
export type Report = {
  /** True exactly when no finding is an error. */
  ok: boolean;
  /** The evaluation date. */
  checkedOn: IsoDate;
  /** The language of the messages. */
  lang: Lang;
  /** Who must register; null when the citizenship is missing or unknown (the findings say why). */
  obligation: Obligation | null;
  /** The first-registration deadline: only for `must_register`, and not for a re-registration. */
  deadline: Deadline | null;
  /** The re-registration deadline, when the application has an address change with a date. */
  reRegistration: Deadline | null;
  /** The stay limit, when the regime has one and the entry date is known. */
  stay: StayLimit | null;
  /** The findings, in the order of the application's fields, then obligation, deadlines, stay. */
  findings: Array<Finding>;
  /** The policy used. */
  policy: Policy;
  /**
   * The version of the tables the report was made with: `DATA_VERSION` for the
   * compiled-in ones, a data bundle's `version` otherwise (`version`).
   */
  dataVersion: string;
};

/** One finding. */
export type Finding = {
  /** The stable code. */
  code: FindingCode;
  /** Its severity. */
  severity: Severity;
  /** Dotted path of the field concerned (`immigrant.birthDate`, `previousStays[1].exit`), if any. */
  field?: string;
  /**
   * The message in the requested language; it names the field by its label
   * (`field_label`), never by its path.
   */
  message: string;
  /**
   * The legal basis in the requested language ("Приказ № 923, Правила, п. 3";
   * "Order 923, Rules p.3").
   */
  basis: string;
  /**
   * The legal basis as stable references for programs, one a clause
   * (`["order923:rules:p3", "order923:rules:p4(1)"]`; see `Basis`).
   */
  basisRefs: Array<string>;
};

/** How serious a finding is. `ok` is false exactly when there is an `Error`. */
export type Severity = "error" | "warning" | "info";

/** The code of a finding (Order 923, the regimes and the field checks). */
export type FindingCode =
  | "field.required"
  | "field.invalid"
  | "name.invalid"
  | "birth_date.invalid"
  | "citizenship.unknown"
  | "citizenship.kazakhstan"
  | "passport.number.invalid"
  | "passport.kind.invalid"
  | "passport.expiry.invalid"
  | "passport.expired"
  | "passport.expires_during_stay"
  | "entry.invalid"
  | "entry.purpose.invalid"
  | "entry.contract_until.invalid"
  | "host.kind.invalid"
  | "host.id.invalid"
  | "host.minor"
  | "address.region.unknown"
  | "address.premises.not_residential"
  | "stay.period.invalid"
  | "previous_stays.invalid"
  | "previous_stays.overlap"
  | "address_change.invalid"
  | "policy.invalid"
  | "rules.transitional"
  | "host.notice"
  | "deadline.missed"
  | "deadline.due_soon"
  | "reregistration.missed"
  | "reregistration.due_soon"
  | "calendar.provisional"
  | "minor.under16"
  | "treaty.eaeu_worker"
  | "stay.exceeds_limit"
  | "stay.overstayed"
  | "regime.unconfirmed";

/** The obligation to register. */
export type Obligation = {
  /** Kind. */
  kind: ObligationKind;
  /** Stable code. */
  code: ObligationCode;
  /** Message in the requested language. */
  message: string;
  /** Legal basis in the requested language. */
  basis: string;
  /** Legal basis as stable references (see `basis_refs`). */
  basisRefs: Array<string>;
};

/** Who must register. */
export type ObligationKind = "must_register" | "not_required" | "exempt" | "not_covered";

/** The code of an obligation (Order 923, Rules p.2-p.3, and the policy options). */
export type ObligationCode =
  | "registration.required"
  | "registration.not_required"
  | "registration.exempt.diplomatic"
  | "registration.exempt.minor"
  | "registration.not_covered.short_stay"
  | "registration.not_covered.visa"
  | "registration.not_covered.citizen";

/** A registration or re-registration deadline. */
export type Deadline = {
  /** The last day under the policy's reading ("register by"). */
  registerBy: IsoDate;
  /**
   * The latest defensible date: the Civil Code reading for a first registration, the
   * move-day-not-counted reading for a re-registration.
   */
  outerBound: IsoDate;
  /** Calendar days from the evaluation date to `registerBy` (negative once it has passed). */
  daysLeft: number;
  /**
   * State on the evaluation date: judged against `registerBy`, or for a re-registration
   * against `effectiveBy`.
   */
  state: DeadlineState;
  /** True when a date here depends on a provisional or computed calendar year. */
  provisional: boolean;
  /**
   * Re-registration only: working days D with evaluation date < D <= `registerBy` (negative
   * once missed, see `working_days_between`).
   */
  workingDaysLeft?: number;
  /**
   * Re-registration only: the day its state is judged against, the later of `registerBy` and
   * the first-registration deadline (when that one is judged at all): a move does not take
   * away the 30 days of Rules p.3.
   */
  effectiveBy?: IsoDate;
};

/** State of a deadline on the evaluation date. */
export type DeadlineState = "open" | "due_today" | "missed" | "not_applicable";

/** The stay limit (Order 923, Rules p.4(2), and the regimes' limits). */
export type StayLimit = {
  /** The regime. */
  regime: Regime;
  /** Days allowed per entry. */
  daysPerEntry: number;
  /** Days allowed in any rolling window. */
  daysInWindow: number;
  /** Length of the window. */
  windowDays: number;
  /**
   * Days present in the window ending on the reference day (the evaluation date while the
   * stay runs; the planned last day once that is past or before the entry), both ends counted.
   */
  daysUsed: number;
  /**
   * The last day of the current stay that keeps every day lawful; the day before the entry
   * when not even the entry day is lawful.
   */
  lastAllowedDay: IsoDate;
  /** Days present after `lastAllowedDay` up to the reference day. */
  overstayDays: number;
  /** Confidence of the regime row. */
  confidence: Confidence;
  /**
   * Which limit binds: the regime's, or the labour contract of an EAEU worker when it ends
   * later (then `lastAllowedDay` is the contract's end).
   */
  limitedBy: LimitedBy;
  /** The legal basis of the limit that binds, in the requested language. */
  basis: string;
  /** The legal basis as stable references (see `basis_refs`). */
  basisRefs: Array<string>;
  /** The source of the regime row, as the data table gives it (in English, for programs). */
  source: string;
};

/** A stay regime for citizens of one state. */
export type Regime = "visa_free_90" | "visa_free_30" | "visa_free_14" | "visa_required";

/** How far a row can be trusted. */
export type Confidence = "low" | "medium" | "high";

/** What limits the current stay. */
export type LimitedBy = "regime" | "labour_contract";

/**
 * The policy options, with their defaults (the policy options). The report echoes the policy it
 * used.
 */
export type Policy = {
  /** Reading of the 30-day deadline (default `entry_day_is_day_one`). */
  deadlineCounting: DeadlineCounting;
  /** Reading of "within five working days" (default `next_working_day_is_day_one`). */
  reRegistrationCounting: ReRegistrationCounting;
  /** Whether an immigrant under 16 is exempt (default false: Order 923 names no such exemption). */
  under16Exempt: boolean;
  /** Whether diplomatic and service passports are exempt (default true). */
  diplomaticExempt: boolean;
};

/** `policy.deadlineCounting`: how "not later than the thirtieth calendar day" is read. */
export type DeadlineCounting = "entry_day_is_day_one" | "civil_code";

/** `policy.reRegistrationCounting`: how "within five working days" is read. */
export type ReRegistrationCounting = "next_working_day_is_day_one" | "event_day_counts";

// ----- Tables and the calendar ---------------------------------------------------------------

/**
 * The JavaScript API's `WorkingDayCount` (the library's `WorkingDayCount` names the count
 * `count`; the package's name for it is part of its interface).
 */
export type WorkingDayCount = {
  /** The count; negative when the range runs backwards. */
  workingDays: number;
  /** True when any day counted lies in a provisional or computed year. */
  provisional: boolean;
};

/** One row of `kz-regions.csv`: a top-level administrative unit. */
export type Region = {
  /** The project's stable code (`ALA`, `AST`, ...). */
  code: string;
  /** English name. */
  nameEn: string;
  /** Russian name. */
  nameRu: string;
  /** Kazakh name. */
  nameKk: string;
  /** City or region. */
  kind: RegionKind;
};

/** City of republican significance or region. */
export type RegionKind = "city" | "region";

/**
 * One row of `iso3166-1-alpha3.csv` (compiled in only: no bundle changes it), or the stateless
 * person, `XXA` (`STATELESS_PERSON`).
 */
export type Country = {
  /** The alpha-3 code (ISO 3166-1), the key of the tables. */
  code: string;
  /**
   * The alpha-2 code (empty for the stateless person, who has none), as other systems and a
   * browser's `Intl.DisplayNames` know the country.
   */
  alpha2: string;
  /** The English short name. */
  nameEn: string;
  /** The Russian short name, as a citizenship is written on a form in Kazakhstan ("Узбекистан"). */
  nameRu: string;
  /** The Kazakh short name ("Өзбекстан"). */
  nameKk: string;
};

/** A summary of a data bundle for people and pages (serde camelCase). */
export type DataBundleSummary = {
  /** The bundle's `version`: what reports then carry as `dataVersion`. */
  version: string;
  /** Issue time, seconds since 1970. */
  iat: number;
  /** Next update expected, seconds since 1970. */
  next: number;
  /** The calendar years the bundle replaces. */
  calendar: Array<CalendarYearSummary>;
  /** How many visa-regime rows it has. */
  regimes: number;
  /** How many regions it has. */
  regions: number;
};

/** One calendar year of a `DataBundleSummary`. */
export type CalendarYearSummary = {
  /** The year. */
  year: number;
  /** How many rows (non-working days, transfers, working weekends) it has. */
  rows: number;
  /** Whether any of them is provisional: dates counted through the year are then marked so. */
  provisional: boolean;
};

// ----- Certificates --------------------------------------------------------------------------

/** The result of verifying a QR text (serde camelCase). Absent values are `null`. */
export type VerificationResult = {
  /** The verdict. */
  status: VerificationStatus;
  /** For `malformed`: the failing stage. */
  stage: MalformedStage | null;
  /** The record, only when a trusted key's signature verified. */
  record: CertificateRecord | null;
  /** The kid of the signature (hex), once the COSE structure is read. */
  kid: string | null;
  /** The name of the trusted key with that kid. */
  keyName: string | null;
  /** Issue time as `YYYY-MM-DDTHH:MM:SS+05:00` (Kazakhstan time), when the signature verified. */
  issuedAt: string | null;
  /** Issue time in seconds since 1970, when the signature verified. */
  issuedAtUnix: number | null;
  /** The date checked for. */
  checkedOn: IsoDate;
  /** For `valid` and `unconfirmed`: days from the check date to stay to (0 on the last day). */
  daysRemaining: number | null;
  /** Signed by the demonstration key: show a DEMO banner. */
  demo: boolean;
  /**
   * Warnings (`trust.stale`, `trust.expired`, `status.stale`, `status.expired`,
   * `status.missing`, `status.not_covered`).
   */
  warnings: Array<VerificationWarning>;
  /** The verdict in words, in the language asked for. */
  message: string;
  /** For `malformed` and the key statuses: a technical explanation in English. */
  detail: string | null;
};

/** The verdict on a QR text: exactly one. */
export type VerificationStatus =
  | "valid"
  | "unconfirmed"
  | "expired"
  | "not_yet_valid"
  | "revoked"
  | "bad_signature"
  | "unknown_key"
  | "key_not_valid"
  | "malformed"
  | "not_a_certificate";

/** The stage at which a `malformed` text failed. */
export type MalformedStage = "base45" | "zlib" | "cose" | "claims" | "record";

/**
 * The registration record of a certificate.
 *
 * # Example
 *
 * ```
 * let json = r#"{"applicationNumber": "2026-000000123", "surname": "IVANOV", "givenNames": "IVAN",
 *   "passport": "751234567", "citizenship": "RUS", "address": "Алматы, Абая 10, кв. 5",
 *   "region": "ALA", "stayFrom": "2026-07-01", "stayTo": "2026-09-20",
 *   "hostId": "900515300127", "hostName": "АХМЕТОВ АСЕТ"}"#;
 * let record: tirkeu::cert::Record = serde_json::from_str(json).unwrap();
 * record.validate().unwrap();
 * assert_eq!(record.application_sequence(), Some((2026, 123)));
 * ```
 */
export type CertificateRecord = {
  /** `YYYY-NNNNNNNNN`: the year of issue and a 9-digit sequence (key 2). */
  applicationNumber: string;
  /** Surname (key 3). */
  surname: string;
  /** Given names (key 4). */
  givenNames: string;
  /** Patronymic, when there is one (key 5). */
  patronymic?: string;
  /** Passport series and number (key 6). */
  passport: string;
  /** Citizenship, ISO 3166-1 alpha-3; `XXA` for a stateless person (key 7). */
  citizenship: string;
  /** Address of stay in Kazakhstan, as printed (key 8). */
  address: string;
  /** Region code of `kz-regions.csv` (key 9). */
  region: string;
  /** First day of the registered stay (key 10). */
  stayFrom: IsoDate;
  /** Last day of the registered stay (key 11). */
  stayTo: IsoDate;
  /** IIN or BIN of the host: 12 digits (key 12). */
  hostId: string;
  /** Full name of the host (key 13). */
  hostName: string;
};

/** A warning attached to a result. */
export type VerificationWarning = {
  /** What the warning is about. */
  code: VerificationWarningCode;
  /** The message in the language asked for. */
  message: string;
  /** For `*.stale` and `*.expired`: the list's age in whole days. */
  ageDays?: number;
  /** For `*.stale` and `*.expired`: the list's issue time (seconds since 1970). */
  listIssuedAt?: number;
};

/**
 * What a `Warning` is about: why a certificate is `unconfirmed`, or why its verdict rests on a
 * list that is out of date.
 */
export type VerificationWarningCode =
  | "trust.stale"
  | "trust.expired"
  | "status.stale"
  | "status.expired"
  | "status.missing"
  | "status.not_covered";

/** A summary of a trust list for people and pages (serde camelCase). */
export type TrustListSummary = {
  /** The format version: 1 or 2. */
  version: 1 | 2;
  /** Issue time, seconds since 1970. */
  iat: number;
  /** Next update expected, seconds since 1970; past it the list is stale. */
  next: number;
  /** Kid of the root that signed it (hex). */
  rootKid: string;
  /** The keys. */
  keys: Array<TrustedKeySummary>;
};

/** One key of a `TrustListSummary`. */
export type TrustedKeySummary = {
  /** Key identifier (hex). */
  kid: string;
  /** Name. */
  name: string;
  /** Valid from (seconds). */
  from: number;
  /** Valid until (seconds), or null. */
  until: number | null;
  /** `active`, `retired` or `revoked`. */
  status: KeyStatus;
  /** What it may sign: `cert`, `status`, `data`. */
  use: Array<KeyUse>;
  /** Demonstration key. */
  demo: boolean;
  /** Public key (hex). */
  publicKey: string;
};

/** The state of a signing key in the trust list. */
export type KeyStatus = "active" | "retired" | "revoked";

/** What a key of the trust list may sign. */
export type KeyUse = "cert" | "status" | "data";

/** A summary of a status list for people and pages (serde camelCase). */
export type StatusListSummary = {
  /** The format version: 1 or 2. */
  version: 1 | 2;
  /** Issue time, seconds since 1970. */
  iat: number;
  /** Next update expected, seconds since 1970; past it the list is stale. */
  next: number;
  /** Kid of the signing key (hex). */
  kid: string;
  /** Signed by a demonstration key: the list speaks only of DEMO certificates. */
  demo: boolean;
  /** One entry a year. */
  lists: Array<StatusYearSummary>;
};

/** One year of a `StatusListSummary`. */
export type StatusYearSummary = {
  /** The year of the application numbers. */
  year: number;
  /** How many sequences of that year the list covers (0 to `size` - 1). */
  size: number;
  /** How many certificates of that year are no longer valid. */
  revoked: number;
};

// ----- QR codes ------------------------------------------------------------------------------

/** A QR code the scanner read without error. */
export type ScannedCode = {
  kind: "text";
  /** The text. */
  text: string;
} | {
  kind: "not_text";
  /** Always empty: verifying it gives `not_a_certificate`. */
  text: "";
  /**
   * Why it is not text: a Kanji segment, an ECI other than UTF-8, ISO 8859-1 or ASCII
   * (`eci` gives it), FNC1 (GS1), or bytes that are not UTF-8 (Shift_JIS, binary).
   */
  data: "kanji" | "eci" | "gs1" | "bytes";
  /** The ECI designator, for `data: "eci"`. */
  eci?: number;
  /** The data as the code holds it, byte by byte (Kanji as Shift_JIS bytes). */
  bytes: Array<number>;
};
