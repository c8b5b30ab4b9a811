// Compiled with `tsc --noEmit --strict` in `make test`: the declarations are precise enough for a
// portal to use without casts, and wrong uses fail to compile.
import init, {
  checkApplication, verifyCertificate, scanImage, renderQrSvg, qrMatrix, issueCertificate,
  loadTrustList, loadStatusList, trustListSummary, statusListSummary, workingDaysBetween,
  regions, countries, todayInKazakhstan, dataVersion, version, fieldLabels, fieldLabel, formatDate,
  formatCount, Verifier, FrameScanner,
  type Application, type Report, type Finding, type VerificationResult, type CertificateRecord,
  type VerificationStatus, type VerificationWarningCode, type KeyUse, type LoadOptions, type FrameView,
} from "../../www/pkg/tirkeu.js";

/** The package's verifier as a page uses it: a pinned root, the remembered issue times. */
export function verifierPage(root: string, trust: Uint8Array, statusBytes: Uint8Array, remembered: LoadOptions): string[] {
  const verifier = new Verifier(root, { graceDays: 7 });
  const trustSummary = verifier.loadTrustList(trust, remembered);
  const uses: KeyUse[][] = trustSummary.keys.map((key) => key.use);
  const statusSummary = verifier.loadStatusList(statusBytes, { minIssuedAt: remembered.minIssuedAt, now: remembered.now });
  const sizes: number[] = statusSummary.lists.map((list) => list.size);
  const result: VerificationResult = verifier.verify("KZ1:...", { on: "2026-07-15", lang: "kk", now: 1_784_059_200 });
  const status: VerificationStatus = result.status;
  const warnings: VerificationWarningCode[] = result.warnings.map((warning) => warning.code);
  const unconfirmed: boolean = status === "unconfirmed" || warnings.includes("status.not_covered");
  const installed: number | undefined = verifier.trustList()?.iat ?? verifier.statusList()?.next;
  const pinned: string = verifier.trustList()?.rootKid ?? "";
  verifier.free();
  // @ts-expect-error: a verifier needs its root
  new Verifier();
  // @ts-expect-error: minIssuedAt is seconds, not a date
  verifier.loadTrustList(trust, { minIssuedAt: "2026-07-01" });
  return [String(uses), String(sizes), String(unconfirmed), String(installed), pinned, String(statusSummary.demo)];
}

export async function portal(form: Application, bytes: Uint8Array, root: string, pixels: ImageData): Promise<string[]> {
  await init();
  const report: Report = checkApplication(form, { today: "2026-07-15", lang: "kk" });
  const byField = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byField.get(finding.field ?? "") ?? [];
    list.push(finding);
    byField.set(finding.field ?? "", list);
  }
  const registerBy: string | undefined = report.deadline?.registerBy;
  const trust = loadTrustList(bytes, root);
  const keyNames: string[] = trust.keys.map((key) => key.name);
  loadStatusList(bytes);
  const result: VerificationResult = verifyCertificate("KZ1:...", { on: "2026-07-15" });
  const record: CertificateRecord | null = result.record;
  const days: number | null = result.daysRemaining;
  const texts: string[] = scanImage(pixels, { effort: "quick" });
  // Every code, text or not: a code that is not text has an empty text and says what it holds.
  const codes = scanImage(pixels, { codes: true });
  const kinds: string[] = codes.map((code) => (code.kind === "text" ? code.text : code.data));
  const scanner = new FrameScanner();
  const seen: string[] = scanner.scan(pixels).map((code) => code.text);
  const tracked: boolean = scanner.tracked;
  const view: FrameView = scanner.view(1920, 1080);
  const inView: string[] = scanner.scanView({ width: view.width, height: view.height, data: new Uint8ClampedArray(view.width * view.height * 4) }).map((code) => code.text);
  scanner.free();
  const svg: string = renderQrSvg(texts[0] ?? "");
  const size: number = qrMatrix(svg).size;
  const qr: string = issueCertificate(record ?? {
    applicationNumber: "2026-000000001", surname: "A", givenNames: "B", passport: "N1234567", citizenship: "UZB",
    address: "Алматы", region: "ALA", stayFrom: "2026-07-01", stayTo: "2026-07-30", hostId: "900515300127", hostName: "C",
  }, "00".repeat(32));
  const working: number = workingDaysBetween("2026-05-06", "2026-05-15").workingDays;
  const names = regions().map((region) => region.nameKk).concat(countries().map((country) => country.nameEn));
  const local: string[] = countries().map((country) => `${country.nameKk} / ${country.nameRu}`);
  const labels = fieldLabels("ru");
  const label: string = (report.findings[0]?.field ? fieldLabel(report.findings[0].field, "kk") : null) ?? labels["immigrant.surname"] ?? "";
  const refs: string[] = report.findings.flatMap((finding) => finding.basisRefs);
  const dates: string[] = [formatDate("2026-12-19", "kk", { case: "dative" }), formatDate("2026-12-19"), formatCount(3, "days", "ru")];
  const state: "not_applicable" | undefined = report.deadline?.state === "not_applicable" ? report.deadline.state : undefined;
  // @ts-expect-error: the Kazakh cases are named
  formatDate("2026-12-19", "kk", { case: "dat" });
  const summaries = [trustListSummary()?.iat, statusListSummary()?.next];
  // @ts-expect-error: a misspelt option is a compile error
  checkApplication(form, { todya: "2026-07-15" });
  // @ts-expect-error: the language is one of kk, ru, en
  verifyCertificate(qr, { lang: "de" });
  names.push(...local, label, ...refs, ...dates, state ?? "");
  return [registerBy ?? "", ...kinds, ...seen, String(tracked), ...keyNames, String(days), String(size), String(working), ...names, String(summaries), todayInKazakhstan(), dataVersion(), version()];
}
