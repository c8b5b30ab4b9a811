// The rules: checkApplication in WebAssembly over a seeded set of applications a portal would send
// (complete and valid ones, ones with a wrong field, re-registrations, minors, visa regimes,
// previous stays). The native figure comes from examples/bench_native.rs (bench/native.mjs).
//
// `node bench/rules.mjs` prints the figure.
import { formatMs, loadTirkeu, seededRandom, timeMedian } from "./common.mjs";

export const CHECK_TODAY = "2026-07-15";

const CITIZENSHIPS = ["RUS", "UZB", "KGZ", "TJK", "TUR", "CHN", "DEU", "USA", "IND", "AFG", "XXA"];
const PURPOSES = ["private", "tourism", "business", "work", "study", "other"];
const PREMISES = ["apartment", "house", "hotel", "dormitory", "rest_home"];
const REGIONS = ["ALA", "AST", "SHY", "KAR", "AKT", "MAN", "TUR"];

const day = (offset) => new Date(Date.UTC(2026, 6, 15) + offset * 86_400_000).toISOString().slice(0, 10);

/** `count` applications, the same for the same seed. */
export function applications(count = 64, seed = 923) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const entry = day(-random.integer(0, 40));
    const application = {
      immigrant: {
        surname: random.pick(["IVANOV", "ӘБІЛҚАСЫМОВА", "KARIMOV", "MÜLLER", "ТОКТОГУЛОВ"]),
        givenNames: random.pick(["IVAN", "ҒАЛИЯ", "DILSHOD", "ANNA"]),
        birthDate: i % 9 === 0 ? "2014-03-02" : `19${random.integer(60, 99)}-0${random.integer(1, 9)}-1${random.integer(0, 9)}`,
        citizenship: random.pick(CITIZENSHIPS),
        passport: { number: `${random.integer(100_000_000, 999_999_999)}`, kind: i % 17 === 0 ? "diplomatic" : "ordinary",
          expiresOn: i % 11 === 0 ? day(20) : "2031-01-01" },
      },
      entry: { date: entry, purpose: random.pick(PURPOSES), contractUntil: i % 5 === 0 ? day(200) : null },
      previousStays: i % 3 === 0 ? [{ entry: day(-200), exit: day(-150) }, { entry: day(-120), exit: day(-100) }] : [],
      host: i % 2 === 0
        ? { kind: "person", id: i % 13 === 0 ? "900515300128" : "900515300127", name: "АХМЕТОВ АСЕТ" }
        : { kind: "organization", id: "900515300127", name: "ТОО «Өнер-Құрылыс»" },
      address: { region: random.pick(REGIONS), locality: "Алматы", street: "Абая", building: String(random.integer(1, 200)),
        apartment: String(random.integer(1, 300)), premises: random.pick(PREMISES) },
      stay: { from: entry, to: day(random.integer(10, 80)) },
      addressChange: i % 4 === 0 ? { movedOn: day(-random.integer(0, 5)) } : null,
    };
    if (i % 7 === 0) delete application.immigrant.passport.number; // a form with a gap
    return application;
  });
}

export async function runRules({ tirkeu, log = () => {} } = {}) {
  tirkeu ??= await loadTirkeu();
  const set = applications();
  const options = { today: CHECK_TODAY, lang: "ru" };
  const reports = set.map((application) => tirkeu.checkApplication(application, options));
  const findings = reports.reduce((sum, report) => sum + report.findings.length, 0);
  const wasmMs = timeMedian((i) => tirkeu.checkApplication(set[i % set.length], options), { batch: set.length });
  log(`  checkApplication: wasm ${formatMs(wasmMs)} over ${set.length} applications (${findings} findings, ${reports.filter((r) => r.ok).length} ok)`);
  return { applications: set, count: set.length, findings, wasmCheckMs: wasmMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRules({ log: console.log });
}
