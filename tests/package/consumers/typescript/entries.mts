// Each entry point's declarations describe what it exports.
import initRules, { checkApplication } from "tirkeu/rules";
import { RulesData } from "tirkeu/rules-data";
import { Verifier, type VerificationResult } from "tirkeu/verify";
import { issueCertificate, type CertificateRecord } from "tirkeu/issue";
declare const record: CertificateRecord;

await initRules();
const ok: boolean = checkApplication({}, { lang: "ru" }).ok;
declare const payload: Uint8Array;
const byBundle: boolean = new RulesData(payload).checkApplication({}, { lang: "kk" }).ok;
const verifier = new Verifier("1978b1eb5d2bcb7cd28282f0f39bec9ee07bbae45bf1c9e815e20a0c06119537");
const result: VerificationResult = verifier.verify("KZ1:", { lang: "kk" });
const text: string = issueCertificate(record, "00".repeat(32));
export { ok, byBundle, result, text };
