/** A civil date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** The language of the messages. */
export type Lang = "kk" | "ru" | "en";

// ----- The application (input of checkApplication) -----------------------------------------
// Every field is optional and may even be of the wrong type: what is missing or unreadable
// becomes a finding (field.required, ...), never an exception.

export type PassportKind = "ordinary" | "diplomatic" | "service";
export type EntryPurpose = "private" | "tourism" | "business" | "work" | "study" | "other";
export type HostKind = "person" | "organization";
export type Premises =
  | "house" | "apartment" | "dormitory" | "hotel" | "rest_home" | "sanatorium" | "other_residential";
export type DeadlineCounting = "entry_day_is_day_one" | "civil_code";
export type ReRegistrationCounting = "next_working_day_is_day_one" | "event_day_counts";

export interface Application {
  immigrant?: {
    surname?: string;
    givenNames?: string;
    patronymic?: string | null;
    birthDate?: IsoDate;
    citizenship?: string;
    passport?: { number?: string; kind?: PassportKind; expiresOn?: IsoDate };
  };
  entry?: { date?: IsoDate; purpose?: EntryPurpose; contractUntil?: IsoDate | null };
  previousStays?: Array<{ entry?: IsoDate; exit?: IsoDate }>;
  host?: { kind?: HostKind; id?: string; name?: string };
  address?: {
    region?: string; locality?: string; street?: string; building?: string;
    apartment?: string | null; premises?: Premises;
  };
  stay?: { from?: IsoDate; to?: IsoDate };
  addressChange?: { movedOn?: IsoDate } | null;
  policy?: Partial<Policy> | null;
}

export interface CheckOptions {
  /** The evaluation date; default: today in Kazakhstan (UTC+5). */
  today?: IsoDate;
  /** Default: "ru". */
  lang?: Lang;
}

// ----- The report (output of checkApplication) ---------------------------------------------

export type Severity = "error" | "warning" | "info";
export type FindingCode =
  | "field.required" | "field.invalid" | "name.invalid" | "birth_date.invalid"
  | "citizenship.unknown" | "citizenship.kazakhstan" | "passport.number.invalid"
  | "passport.kind.invalid" | "passport.expiry.invalid" | "passport.expired"
  | "passport.expires_during_stay" | "entry.invalid" | "entry.purpose.invalid"
  | "entry.contract_until.invalid" | "host.kind.invalid" | "host.id.invalid" | "host.minor"
  | "address.region.unknown" | "address.premises.not_residential" | "stay.period.invalid"
  | "previous_stays.invalid" | "previous_stays.overlap" | "address_change.invalid"
  | "policy.invalid" | "rules.transitional" | "host.notice" | "deadline.missed" | "deadline.due_soon"
  | "reregistration.missed" | "reregistration.due_soon" | "calendar.provisional"
  | "minor.under16" | "treaty.eaeu_worker" | "stay.exceeds_limit" | "stay.overstayed"
  | "regime.unconfirmed";
export type ObligationKind = "must_register" | "not_required" | "exempt" | "not_covered";
export type ObligationCode =
  | "registration.required" | "registration.not_required" | "registration.exempt.diplomatic"
  | "registration.exempt.minor" | "registration.not_covered.short_stay"
  | "registration.not_covered.visa" | "registration.not_covered.citizen";
export type Regime = "visa_free_90" | "visa_free_30" | "visa_free_14" | "visa_required";
export type Confidence = "low" | "medium" | "high";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A dotted path into the application, e.g. "host.id" or "previousStays[1].exit". */
  field?: string;
  /** In the chosen language; names the field by its label (see fieldLabel), never by its path. */
  message: string;
  /** The legal basis in the chosen language: "Приказ № 923, Правила, п. 3", "Order 923, Rules p.3". */
  basis: string;
  /**
   * The legal basis as stable references for programs, one a clause, e.g.
   * ["order923:rules:p3", "order923:rules:p4(1)"], ["coao:art517"], ["eaeu-treaty:art97(8)"].
   */
  basisRefs: string[];
}

export interface Obligation {
  kind: ObligationKind;
  code: ObligationCode;
  message: string;
  /** In the chosen language. */
  basis: string;
  basisRefs: string[];
}

/** "not_applicable": the deadline fell before Order 923 came into force (2026-07-01). */
export type DeadlineState = "open" | "due_today" | "missed" | "not_applicable";

export interface Deadline {
  /** The last day to register, included. */
  registerBy: IsoDate;
  /** The latest defensible date (Civil Code reading). */
  outerBound: IsoDate;
  /** Calendar days from the evaluation date to registerBy (negative once it has passed). */
  daysLeft: number;
  /** Judged against registerBy; for a re-registration against effectiveBy. */
  state: DeadlineState;
  provisional: boolean;
  /** Re-registration only: working days to registerBy. */
  workingDaysLeft?: number;
  /**
   * Re-registration only: the day its state is judged against, the later of registerBy and the
   * first-registration deadline (a move keeps the 30 days).
   */
  effectiveBy?: IsoDate;
}

export interface StayLimit {
  regime: Regime;
  daysPerEntry: number;
  daysInWindow: number;
  windowDays: number;
  daysUsed: number;
  lastAllowedDay: IsoDate;
  overstayDays: number;
  confidence: Confidence;
  /** Which limit binds: an EAEU worker's labour contract when it ends after the regime's last day. */
  limitedBy: "regime" | "labour_contract";
  /** The legal basis of the limit that binds, in the chosen language. */
  basis: string;
  basisRefs: string[];
  /** The source of the regime's data row, as the table gives it (English, for programs). */
  source: string;
}

export interface Policy {
  deadlineCounting: DeadlineCounting;
  reRegistrationCounting: ReRegistrationCounting;
  under16Exempt: boolean;
  diplomaticExempt: boolean;
}

export interface Report {
  ok: boolean;
  checkedOn: IsoDate;
  lang: Lang;
  obligation: Obligation | null;
  deadline: Deadline | null;
  reRegistration: Deadline | null;
  stay: StayLimit | null;
  findings: Finding[];
  policy: Policy;
  dataVersion: string;
}

export interface WorkingDayCount {
  workingDays: number;
  provisional: boolean;
}

export interface Region {
  code: string;
  nameEn: string;
  nameRu: string;
  nameKk: string;
  kind: "city" | "region";
}

export interface Country {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** ISO 3166-1 alpha-2: `new Intl.DisplayNames([lang], { type: "region" }).of(alpha2)`. */
  alpha2: string;
  /** The English short name: the fallback where the browser has no name in the language. */
  nameEn: string;
}

/**
 * The label of each field of the application in one language, keyed by the paths of the
 * findings ("immigrant.surname"); the rows of earlier stays as "previousStays[]",
 * "previousStays[].entry" and "previousStays[].exit", whose "{n}" is the row's number from 1.
 */
export type FieldLabels = Record<string, string>;

/** The grammatical case of a Kazakh date ("dative" before "дейін"); Russian and English ignore it. */
export type DateCase = "nominative" | "dative" | "locative" | "ablative" | "genitive";

export interface FormatDateOptions {
  /** Default: "nominative". */
  case?: DateCase;
}

/** What formatCount counts. */
export type CountUnit = "days" | "workingDays" | "age";

// ----- Certificates ------------------------------------------------------------------------

/** The registration record a certificate carries. */
export interface CertificateRecord {
  /** `YYYY-NNNNNNNNN`. */
  applicationNumber: string;
  surname: string;
  givenNames: string;
  patronymic?: string;
  passport: string;
  citizenship: string;
  address: string;
  region: string;
  stayFrom: IsoDate;
  stayTo: IsoDate;
  hostId: string;
  hostName: string;
}

/**
 * `valid` only when checked against a current status list that covers the certificate, under a
 * trust list that has not expired; `unconfirmed` is as valid but revocation could not be checked
 * (the warnings say why).
 */
export type VerificationStatus =
  | "valid" | "unconfirmed" | "expired" | "not_yet_valid" | "revoked" | "bad_signature"
  | "unknown_key" | "key_not_valid" | "malformed" | "not_a_certificate";
export type MalformedStage = "base45" | "zlib" | "cose" | "claims" | "record";

export type VerificationWarningCode =
  | "trust.stale" | "trust.expired" | "status.stale" | "status.expired" | "status.missing"
  | "status.not_covered";

export interface VerificationWarning {
  code: VerificationWarningCode;
  message: string;
  /** For `*.stale` and `*.expired`: the list's age in whole days. */
  ageDays?: number;
  /** For `*.stale` and `*.expired`: the list's issue time, seconds since 1970. */
  listIssuedAt?: number;
}

export interface VerificationResult {
  status: VerificationStatus;
  stage: MalformedStage | null;
  /** Only when a trusted key's signature verified. */
  record: CertificateRecord | null;
  kid: string | null;
  keyName: string | null;
  /** `YYYY-MM-DDTHH:MM:SS+05:00`. */
  issuedAt: string | null;
  issuedAtUnix: number | null;
  checkedOn: IsoDate;
  /** For `valid` and `unconfirmed`. */
  daysRemaining: number | null;
  /** Signed by a demonstration key: never a real certificate. */
  demo: boolean;
  warnings: VerificationWarning[];
  message: string;
  detail: string | null;
}

export interface Messages {
  /** The short name of each status, e.g. statuses.valid = "Valid". */
  statuses: Record<VerificationStatus, string>;
}

export interface VerifyOptions {
  /** The date to check for; default: today in Kazakhstan (UTC+5) at the moment of the call. */
  on?: IsoDate;
  /** Default: "ru". */
  lang?: Lang;
  /**
   * The device's clock in seconds since 1970 (default: now; a fraction is dropped), which judges
   * the lists' freshness; for tests.
   */
  now?: number;
}

export interface VerifierOptions {
  /** Days after a list's next update during which it still confirms certificates (default 7). */
  graceDays?: number;
}

export interface LoadOptions {
  /**
   * The latest `iat` (seconds since 1970) ever accepted for this list, kept by the caller across
   * reloads: an older list is refused, one issued at it accepted.
   */
  minIssuedAt?: number;
  /** The device's clock in seconds since 1970 (default: now; a fraction is dropped); for tests. */
  now?: number;
}

export interface IssueOptions {
  /** Seconds since 1970; default: now. */
  issuedAt?: number;
}

/** What a key signs: certificates, status lists, data bundles. */
export type KeyUse = "cert" | "status" | "data";

export interface TrustedKeySummary {
  kid: string;
  name: string;
  from: number;
  until: number | null;
  status: "active" | "retired" | "revoked";
  use: KeyUse[];
  demo: boolean;
  publicKey: string;
}

export interface TrustListSummary {
  /** The format version: 1 (every key signs certificates and status lists) or 2. */
  version: 1 | 2;
  iat: number;
  next: number;
  rootKid: string;
  keys: TrustedKeySummary[];
}

export interface StatusListSummary {
  /** The format version: 1 or 2. */
  version: 1 | 2;
  iat: number;
  next: number;
  kid: string;
  /** Signed by a demonstration key: the list speaks only of DEMO certificates. */
  demo: boolean;
  /** Per year: the sequences covered (0 to size - 1) and how many are no longer valid. */
  lists: Array<{ year: number; size: number; revoked: number }>;
}

// ----- QR codes ----------------------------------------------------------------------------

export interface QrMatrix {
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `modules[y * size + x]` is 1 for a dark module. */
  modules: Uint8Array;
}

export interface RgbaImage {
  width: number;
  height: number;
  /** 4 bytes (RGBA) a pixel. */
  data: Uint8ClampedArray | Uint8Array;
}

export interface ScanOptions {
  /** "thorough" (default) for photos and files, "quick" for live camera frames. */
  effort?: "quick" | "thorough";
  /** `true`: every QR code found, text or not, as `ScannedCode` objects (default: the texts). */
  codes?: boolean;
}

/** A QR code the scanner read without error. */
export type ScannedCode =
  | {
      kind: "text";
      text: string;
    }
  | {
      /** A QR code with data that is not text: Kanji, another character set, GS1, bytes. */
      kind: "not_text";
      /** Always empty: verifying it gives `not_a_certificate`. */
      text: "";
      /** Why it is not text: a Kanji segment, an ECI other than UTF-8, ISO 8859-1 or ASCII
       * (`eci` gives it), FNC1 (GS1), or bytes that are not UTF-8 (Shift_JIS, binary). */
      data: "kanji" | "eci" | "gs1" | "bytes";
      eci?: number;
      /** The data as the code holds it, byte by byte (Kanji as Shift_JIS bytes). */
      bytes: number[];
    };
