import init, { checkApplication } from "tirkeu";
await init();
checkApplication({}, { lang: "ru" });
