// A browser bundle that require()s the package must get the browser form, never the Node one.
const tirkeu = require("tirkeu");
tirkeu.default().then(() => tirkeu.checkApplication({}, { lang: "kk" }));
