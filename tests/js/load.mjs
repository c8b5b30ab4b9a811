// Loads the npm package as built by `make build` (www/pkg), the way a Node user does: the web
// target's init() given the module's bytes.
import { readFile } from "node:fs/promises";
import init, * as tirkeu from "../../www/pkg/tirkeu.js";

const pkg = new URL("../../www/pkg/", import.meta.url);
await init({ module_or_path: await readFile(new URL("tirkeu_bg.wasm", pkg)) });

export default tirkeu;
export const demo = {
  root: JSON.parse(await readFile(new URL("../../www/demo/root.pub.json", import.meta.url), "utf8")).publicKey,
  trustList: await readFile(new URL("../../www/demo/trust-list.cose", import.meta.url)),
  statusList: await readFile(new URL("../../www/demo/status-list.cose", import.meta.url)),
  certificate: (await readFile(new URL("../../www/demo/certificate.txt", import.meta.url), "utf8")).trim(),
  record: JSON.parse(await readFile(new URL("../../www/demo/record.json", import.meta.url), "utf8")),
  issuerSecretKey: JSON.parse(await readFile(new URL("../../www/demo/issuer.key.json", import.meta.url), "utf8")).secretKey,
};
