// The scanner benchmark's inputs: 56 camera-like frames (14 classes x 4), each holding a version
// 17-18 level-Q certificate code issued by our own module (the curved class: a version 30-32 code
// of a long text), drawn from a seed so that every run measures the same pixels.
//
// The scene is a sheet of paper (the certificate: the code, its quiet zone, lines of print) lying
// on a desk, seen by a pinhole camera: a plane-to-image homography built from a rotation, a tilt
// and a distance, so rotation and perspective are the same model with other angles. Each pixel is
// the mean of 3x3 samples of the scene, lit by an uneven light (gradient and vignette), then blurred
// by the lens, then given sensor noise, as a phone camera does in that order.
//
// `node bench/frames.mjs [--seed N] [--out DIR] [--camera]` writes the frames as PNG files (default
// target/bench/frames) with an index.json, to look at (--camera: the full-HD camera frames).
import { mkdir, writeFile } from "node:fs/promises";
import { deflateSync } from "node:zlib";
import { loadDemo, loadTirkeu, rootPath, seededRandom } from "./common.mjs";

export const CLASSES = ["clean", "blur", "noise", "rotation", "perspective", "low_contrast", "glare", "small",
  "curved", "steep", "low_pitch", "jpeg", "uneven_light", "round"];
export const FRAMES_PER_CLASS = 4;
/** Frames that hold no code: they count in no decoded total, and any text read there is a misread. */
export const NO_CODE_CLASS = "no_code";
export const NO_CODE_FRAMES = 8;
export const DEFAULT_SEED = 923;

const LARGE = { width: 1280, height: 720 };
const SMALL = { width: 640, height: 480 };
const QUIET_ZONE = 4;
const DEG = Math.PI / 180;

/** Half the frames are 1280x720, half 640x480; "small" needs the large frame. */
function frameSize(className, index) {
  if (className === "small" || className === "curved") return LARGE;
  if (className === "rotation" || className === "perspective") return index === 0 ? LARGE : SMALL;
  return index % 2 === 0 ? LARGE : SMALL;
}

/** Pixels per module (at the code's centre) for each class. */
const MODULE_PIXELS = {
  clean: [3.5, 5], blur: [3.6, 4], noise: [3.5, 4.5], rotation: [3, 4], perspective: [3.5, 4.5],
  low_contrast: [3.5, 4.5], glare: [3.5, 4.5], small: [2, 2.5],
  // A version 30-32 code at about 2 pixels a module on a sheet bent round a cylinder.
  curved: [2.1, 2.5],
  // Tilted 50-62 degrees about a diagonal: the far finder pattern much smaller than the near one.
  steep: [4, 5],
  // Under 3 pixels a module, at an angle.
  low_pitch: [2.3, 2.9],
  jpeg: [3.2, 4], uneven_light: [3.5, 4.5],
  // Dot-style modules and round finder patterns.
  round: [3.6, 4.6],
  // The camera loop's full-HD frames: a certificate at arm's length.
  camera: [3, 4.2],
};

// ----- Certificates -------------------------------------------------------------------------

const SURNAMES = ["ӘБІЛҚАСЫМОВА", "IVANOV", "ТОКТОГУЛОВ", "RAKHIMOV", "ҚҰДАЙБЕРГЕНОВ", "SMIRNOVA", "NAZAROVA",
  "ОМУРБЕКОВА", "KARIMOV", "ЮСУПОВ", "ABDULLAEV", "ХОДЖАЕВА"];
const GIVEN_NAMES = ["ҒАЛИЯ", "IVAN", "АЙБЕК", "DILSHOD", "ЕРЛАН", "OLGA", "MADINA", "НУРЛАН", "SHERZOD", "ЗАРИНА"];
const PATRONYMICS = ["ҰЛАНҚЫЗЫ", "PETROVICH", "АСАНОВИЧ", "RUSTAMOVICH", "СЕРИКОВНА", null, null];
const CITIZENSHIPS = ["UZB", "RUS", "KGZ", "TJK", "TUR", "CHN", "AZE"];
const PLACES = [
  ["ALA", "Алматы қ., Абай даңғылы, {n}-үй, {m}-пәтер"],
  ["AST", "Астана қ., Мәңгілік Ел даңғылы, {n}-үй, {m}-пәтер"],
  ["SHY", "Шымкент қ., Тәуке хан даңғылы, {n}-үй, {m}-пәтер"],
  ["KAR", "Қарағанды қ., Бұқар жырау даңғылы, {n}-үй, {m}-пәтер"],
  ["AKT", "Ақтөбе қ., Әбілқайыр хан даңғылы, {n}-үй, {m}-пәтер"],
];
const HOST_NAMES = ["ТОО «Өнер-Құрылыс»", "АХМЕТОВ АСЕТ", "ТОО «Алатау Сервис»", "ИП ЖҰМАБАЕВА Г.", "ТОО «Қазақ Жол»"];

/** A record drawn from the generator; `extra` lengthens the address to reach version 17. */
export function drawRecord(random, sequence, extra = 0) {
  const [region, address] = random.pick(PLACES);
  const patronymic = random.pick(PATRONYMICS);
  const from = random.integer(1, 28);
  const record = {
    applicationNumber: `2026-${String(100_000_000 + sequence * 7919).padStart(9, "0")}`,
    surname: random.pick(SURNAMES),
    givenNames: random.pick(GIVEN_NAMES),
    passport: `${random.pick(["FA", "N", "AC", "P"])}${random.integer(1_000_000, 9_999_999)}`,
    citizenship: random.pick(CITIZENSHIPS),
    address: address.replace("{n}", random.integer(1, 250)).replace("{m}", random.integer(1, 400))
      + ", кіреберіс 2".repeat(extra),
    region,
    stayFrom: `2026-07-${String(from).padStart(2, "0")}`,
    stayTo: `2026-09-${String(from).padStart(2, "0")}`,
    hostId: "900515300127",
    hostName: random.pick(HOST_NAMES),
  };
  // A company (ТОО) has a BIN, a person or an entrepreneur an IIN: the record's name rules follow.
  if (record.hostName.startsWith("ТОО")) record.hostId = "150640001237";
  if (patronymic) record.patronymic = patronymic;
  return record;
}

/** Issues a certificate whose code is version 17 or 18 (level Q, as the issuer renders it). */
function issueCode(tirkeu, demo, random, sequence, className) {
  if (className === "curved") {
    // A long text of the certificate alphabet in a version 30-32 code.
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    const length = random.integer(1330, 1500);
    const text = `KZ1:${Array.from({ length }, () => random.pick([...alphabet])).join("")}`;
    return { record: null, text, matrix: tirkeu.qrMatrix(text) };
  }
  for (let attempt = 0, extra = 0; attempt < 64; attempt++) {
    const record = drawRecord(random, sequence, extra);
    const text = tirkeu.issueCertificate(record, demo.issuer.secretKey, { issuedAt: 1_782_882_000 + sequence * 60 });
    const matrix = tirkeu.qrMatrix(text);
    if (matrix.version === 17 || matrix.version === 18) return { record, text, matrix };
    if (matrix.version < 17) extra++;
    else extra = Math.max(0, extra - 1);
  }
  throw new Error(`no version 17-18 certificate for frame ${sequence}`);
}

// ----- Geometry -------------------------------------------------------------------------------

function multiply3(a, b) {
  const out = new Array(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
  return out;
}

function invert3(m) {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d]
    .map((value) => value / det);
}

const rotateZ = (t) => [Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1];
const rotateX = (t) => [1, 0, 0, 0, Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t)];
const rotateY = (t) => [Math.cos(t), 0, Math.sin(t), 0, 1, 0, -Math.sin(t), 0, Math.cos(t)];

/**
 * The homography from the paper (module units, the code's top-left module at 0,0) to the image:
 * a pinhole camera (focal length = frame width) looking at the paper turned by `roll`, tilted by
 * `tiltX`/`tiltY`, at the distance where a module at the code's centre is `modulePixels` wide, the
 * code's centre projected to (`centreX`, `centreY`).
 */
function paperToImage({ width, height }, size, { roll, tiltX, tiltY, modulePixels, centreX, centreY }) {
  const focal = width;
  const rotation = multiply3(rotateZ(roll), multiply3(rotateX(tiltX), rotateY(tiltY)));
  const half = size / 2;
  // Paper point P = m * (u - half, v - half, 0); camera point X = R P + (tx, ty, focal).
  const tx = ((centreX - width / 2) / focal) * focal;
  const ty = ((centreY - height / 2) / focal) * focal;
  const m = modulePixels;
  const r = rotation;
  const extrinsic = [
    r[0] * m, r[1] * m, tx - (r[0] + r[1]) * m * half,
    r[3] * m, r[4] * m, ty - (r[3] + r[4]) * m * half,
    r[6] * m, r[7] * m, focal - (r[6] + r[7]) * m * half,
  ];
  const intrinsic = [focal, 0, width / 2, 0, focal, height / 2, 0, 0, 1];
  return multiply3(intrinsic, extrinsic);
}

function project(h, u, v) {
  const w = h[6] * u + h[7] * v + h[8];
  return [(h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w];
}

/** The image bounding box of the code with its quiet zone. */
function codeBox(h, size) {
  const corners = [[-QUIET_ZONE, -QUIET_ZONE], [size + QUIET_ZONE, -QUIET_ZONE],
    [size + QUIET_ZONE, size + QUIET_ZONE], [-QUIET_ZONE, size + QUIET_ZONE]].map(([u, v]) => project(h, u, v));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), corners };
}

/**
 * Chooses the pose: the class's angles, the largest module size of its range that fits the frame
 * with a margin (drawn from the range first), then a random position where the code stays inside.
 */
function choosePose(className, frame, size, random, index) {
  const pose = {
    roll: random.uniform(-3, 3) * DEG,
    tiltX: random.uniform(-4, 4) * DEG,
    tiltY: random.uniform(-4, 4) * DEG,
    modulePixels: random.uniform(...MODULE_PIXELS[className]),
    centreX: frame.width / 2,
    centreY: frame.height / 2,
  };
  // Rotation: one angle from each quarter of 10-80 degrees, alternating direction.
  if (className === "rotation") pose.roll = (index % 2 ? -1 : 1) * random.uniform(10 + 17.5 * index, 27.5 + 17.5 * index) * DEG;
  if (className === "steep") {
    // About a diagonal axis: both tilts strong, so one corner of the code is far away.
    const strong = random.uniform(50, 62) * DEG;
    const sign = index % 2 ? -1 : 1;
    pose.tiltX = sign * strong * random.uniform(0.6, 0.8);
    pose.tiltY = (index < 2 ? 1 : -1) * strong * random.uniform(0.6, 0.8);
    pose.roll = random.uniform(-30, 30) * DEG;
  }
  if (className === "low_pitch") {
    pose.tiltX = random.uniform(-30, 30) * DEG;
    pose.tiltY = random.uniform(20, 32) * DEG * (index % 2 ? -1 : 1);
    pose.roll = random.uniform(-40, 40) * DEG;
  }
  if (className === "perspective") {
    // The sheet tilted away about each axis in turn (top, left, bottom, right edge farther).
    const strong = (index < 2 ? 1 : -1) * random.uniform(35, 50) * DEG;
    const weak = random.uniform(-10, 10) * DEG;
    if (index % 2 === 0) [pose.tiltX, pose.tiltY] = [strong, weak];
    else [pose.tiltX, pose.tiltY] = [weak, strong];
    pose.roll = random.uniform(-15, 15) * DEG;
  }
  const margin = 12;
  for (;;) {
    const box = codeBox(paperToImage(frame, size, pose), size);
    if (box.right - box.left <= frame.width - 2 * margin && box.bottom - box.top <= frame.height - 2 * margin) {
      // Shift the centre so the box lands at a random place inside the frame.
      const slackX = frame.width - 2 * margin - (box.right - box.left);
      const slackY = frame.height - 2 * margin - (box.bottom - box.top);
      pose.centreX += margin + random.uniform(0, slackX) - box.left;
      pose.centreY += margin + random.uniform(0, slackY) - box.top;
      return pose;
    }
    pose.modulePixels *= 0.97;
  }
}

// ----- The scene ----------------------------------------------------------------------------

const INK = 0, PAPER = 1, PRINT = 2, DESK = 3;

/** The certificate sheet: margins around the code and lines of print in them (module units). */
function drawSheet(size, random) {
  const sheet = {
    left: -random.uniform(8, 20), right: size + random.uniform(10, 40),
    top: -random.uniform(8, 20), bottom: size + random.uniform(12, 40), lines: [],
  };
  const clear = QUIET_ZONE + 1.5;
  const addLine = (top, from, to) => {
    const words = [];
    for (let u = from; u < to - 2;) {
      const length = random.uniform(2, 9);
      words.push([u, Math.min(u + length, to)]);
      u += length + random.uniform(0.8, 1.6);
    }
    sheet.lines.push({ top, bottom: top + random.uniform(1.2, 1.8), words });
  };
  for (let v = size + clear; v < sheet.bottom - 3; v += 3) addLine(v, sheet.left + 3, sheet.right - 3);
  if (sheet.right - (size + clear) > 8) {
    for (let v = 0; v < size; v += 3) if (random.next() < 0.8) addLine(v, size + clear, sheet.right - 3);
  }
  return sheet;
}

/** Whether (`u`, `v`) is in a finder pattern: the one whose 7 x 7 square holds it, as [x, y]. */
function finderAt(u, v, size) {
  for (const [x, y] of [[0, 0], [size - 7, 0], [0, size - 7]]) if (u >= x && u < x + 7 && v >= y && v < y + 7) return [x, y];
  return null;
}

function sceneAt(u, v, size, modules, sheet, round) {
  if (u >= 0 && v >= 0 && u < size && v < size) {
    if (round) {
      // Dot-style codes: round finder patterns (a ring and a disc), round modules elsewhere.
      const finder = finderAt(u, v, size);
      if (finder) {
        const r = Math.hypot(u - finder[0] - 3.5, v - finder[1] - 3.5);
        return r < 1.5 || (r >= 2.5 && r < 3.5) ? INK : PAPER;
      }
      const dark = modules[Math.floor(v) * size + Math.floor(u)];
      return dark && Math.hypot(u - Math.floor(u) - 0.5, v - Math.floor(v) - 0.5) < 0.45 ? INK : PAPER;
    }
    return modules[Math.floor(v) * size + Math.floor(u)] ? INK : PAPER;
  }
  if (u < sheet.left || u > sheet.right || v < sheet.top || v > sheet.bottom) return DESK;
  for (const line of sheet.lines) {
    if (v >= line.top && v < line.bottom) {
      for (const [from, to] of line.words) if (u >= from && u < to) return PRINT;
      return PAPER;
    }
  }
  return PAPER;
}

/** Smooth value noise in [-1, 1] on a grid of `cell` pixels (the desk's grain, uneven light). */
function valueNoise(width, height, cell, random) {
  const columns = Math.ceil(width / cell) + 2;
  const rows = Math.ceil(height / cell) + 2;
  const grid = Float32Array.from({ length: columns * rows }, () => random.uniform(-1, 1));
  return (x, y) => {
    const gx = x / cell, gy = y / cell;
    const x0 = Math.floor(gx), y0 = Math.floor(gy);
    const fx = gx - x0, fy = gy - y0;
    const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
    const at = (cx, cy) => grid[cy * columns + cx];
    const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * sx;
    const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * sx;
    return top + (bottom - top) * sy;
  };
}

function gaussianBlur(plane, width, height, sigma) {
  if (sigma <= 0) return plane;
  const radius = Math.ceil(3 * sigma);
  const kernel = Float32Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const total = kernel.reduce((a, b) => a + b, 0);
  for (let i = 0; i < kernel.length; i++) kernel[i] /= total;
  const temporary = new Float32Array(plane.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += kernel[k + radius] * plane[y * width + Math.min(width - 1, Math.max(0, x + k))];
      temporary[y * width + x] = sum;
    }
  }
  const out = new Float32Array(plane.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += kernel[k + radius] * temporary[Math.min(height - 1, Math.max(0, y + k)) * width + x];
      out[y * width + x] = sum;
    }
  }
  return out;
}

/** Renders one frame: returns its RGBA pixels and what was drawn. */
function renderFrame(className, index, frame, matrix, random) {
  const { width, height } = frame;
  const { size, modules } = matrix;
  const pose = choosePose(className, frame, size, random, index);
  const toImage = paperToImage(frame, size, pose);
  const toPaper = invert3(toImage);
  const sheet = drawSheet(size, random);
  const lowContrast = className === "low_contrast";
  const round = className === "round";
  // Radius of the curved sheet's cylinder, in modules: the code spans 100-130 degrees of it.
  const bend = className === "curved" ? size / 2 / Math.sin(random.uniform(50, 65) * DEG) : 0;
  // Uneven light: a steep gradient and the soft edge of a shadow across the code.
  const uneven = className === "uneven_light";
  const shadow = uneven ? { angle: random.uniform(0, 2 * Math.PI), offset: random.uniform(-0.15, 0.15), depth: random.uniform(0.45, 0.6) } : null;

  // Colours of ink, paper, print and desk (RGB, 0-255 as the sensor would report under even light).
  const paperTint = random.uniform(-6, 4);
  const colours = lowContrast
    ? [[110, 110, 112], [150, 150, 146], [126, 126, 126], [92, 84, 76]]
    : [[34, 34, 40], [236 + paperTint, 233 + paperTint, 224 + paperTint], [72, 72, 82], [122, 96, 70]];
  const deskGrain = valueNoise(width, height, 48, random);
  const light = valueNoise(width, height, 400, random);
  const gradient = random.uniform(0, 2 * Math.PI);
  const lightStrength = lowContrast ? 0.03 : uneven ? random.uniform(0.3, 0.4) : random.uniform(0.08, 0.18);
  const vignette = lowContrast ? 0 : random.uniform(0.1, 0.3);
  const warmth = [1, random.uniform(0.96, 1), random.uniform(0.88, 0.97)];

  let glare = null;
  if (className === "glare") {
    const [gx, gy] = project(toImage, size / 2 + random.uniform(-0.25, 0.25) * size, size / 2 + random.uniform(-0.25, 0.25) * size);
    const codeWidth = size * pose.modulePixels;
    const a = random.uniform(0.15, 0.25) * codeWidth;
    glare = { x: gx, y: gy, a, b: a * random.uniform(0.5, 0.8), angle: random.uniform(0, Math.PI), peak: random.uniform(0.95, 1.1) };
  }

  const planes = [new Float32Array(width * height), new Float32Array(width * height), new Float32Array(width * height)];
  const offsets = [-1 / 3, 0, 1 / 3];
  const counts = new Float32Array(4);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toPaper;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      counts.fill(0);
      for (const dy of offsets) {
        for (const dx of offsets) {
          const px = x + 0.5 + dx, py = y + 0.5 + dy;
          const w = h6 * px + h7 * py + h8;
          let u = (h0 * px + h1 * py + h2) / w;
          const v = (h3 * px + h4 * py + h5) / w;
          if (bend) {
            // The sheet bent round a cylinder whose axis runs down the code: a flat position x
            // from the axis is the arc R asin(x / R) on the paper.
            const x = (u - size / 2) / bend;
            u = Math.abs(x) < 1 ? size / 2 + bend * Math.asin(x) : Infinity;
          }
          counts[w > 0 ? sceneAt(u, v, size, modules, sheet, round) : DESK] += 1 / 9;
        }
      }
      const nx = (x - width / 2) / width, ny = (y - height / 2) / width;
      let illumination = (1 + lightStrength * (2 * (nx * Math.cos(gradient) + ny * Math.sin(gradient)) + 0.5 * light(x, y)))
        * (1 - vignette * (nx * nx + ny * ny) * 2);
      const grain = 1 + 0.12 * deskGrain(x, y);
      let glareAmount = 0;
      if (glare) {
        const ex = x - glare.x, ey = y - glare.y;
        const along = (ex * Math.cos(glare.angle) + ey * Math.sin(glare.angle)) / glare.a;
        const across = (-ex * Math.sin(glare.angle) + ey * Math.cos(glare.angle)) / glare.b;
        glareAmount = Math.min(1, glare.peak * Math.exp(-0.5 * (along * along + across * across)));
      }
      if (lowContrast) illumination = Math.max(0.9, Math.min(1.1, illumination));
      if (shadow) {
        // Distance from the shadow's edge through the frame's centre, in frame widths.
        const across = nx * Math.cos(shadow.angle) + ny * Math.sin(shadow.angle) - shadow.offset;
        illumination *= 1 - shadow.depth / (1 + Math.exp(-across * 60));
      }
      const index = y * width + x;
      for (let channel = 0; channel < 3; channel++) {
        let value = 0;
        for (let kind = 0; kind < 4; kind++) value += counts[kind] * colours[kind][channel] * (kind === DESK ? grain : 1);
        value *= illumination * warmth[channel];
        // Specular glare: the highlight washes the ink out towards (and past) white.
        planes[channel][index] = value + (275 - value) * glareAmount;
      }
    }
  }

  // Defocus: sigma 1.5-1.9 px, rising through the class, at 3.6-4 px a module: from soft to the
  // edge of what the best peer reads (sigma/module near 0.45).
  const blurSigma = className === "blur" ? random.uniform(1.5 + 0.12 * index, 1.58 + 0.12 * index) : random.uniform(0.4, 0.7);
  const noiseSigma = className === "noise" ? random.uniform(20, 30) : random.uniform(1.5, 3);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const blurred = planes.map((plane) => gaussianBlur(plane, width, height, blurSigma));
  for (let index = 0; index < width * height; index++) {
    // Sensor noise: mostly shared by the three channels (luminance), a little per channel.
    const shared = random.gaussian() * noiseSigma * 0.8;
    for (let channel = 0; channel < 3; channel++) {
      rgba[index * 4 + channel] = Math.round(blurred[channel][index] + shared + random.gaussian() * noiseSigma * 0.6);
    }
    rgba[index * 4 + 3] = 255;
  }
  if (className === "jpeg") jpegArtefacts(rgba, width, height, Math.round(random.uniform(25, 40)));
  const box = codeBox(toImage, size);
  return {
    data: rgba,
    drawn: {
      modulePixels: Number(pose.modulePixels.toFixed(2)),
      rollDegrees: Number((pose.roll / DEG).toFixed(1)),
      tiltDegrees: [Number((pose.tiltX / DEG).toFixed(1)), Number((pose.tiltY / DEG).toFixed(1))],
      blurSigma: Number(blurSigma.toFixed(2)),
      noiseSigma: Number(noiseSigma.toFixed(1)),
      codeCorners: box.corners.map(([x, y]) => [Math.round(x), Math.round(y)]),
    },
  };
}

// ----- JPEG artefacts ---------------------------------------------------------------------------

// Source: ITU-T T.81 (JPEG) annex K, tables K.1 and K.2 (luminance and chrominance quantisation),
// scaled for a quality as the IJG library does.
const LUMA_TABLE = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
  49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99];
const CHROMA_TABLE = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
  47, 66, 99, 99, 99, 99, 99, 99, ...new Array(32).fill(99)];
const COSINES = Float64Array.from({ length: 64 }, (_, i) => {
  const [k, n] = [i >> 3, i & 7];
  return (k === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * n + 1) * k * Math.PI) / 16);
});

function scaledTable(table, quality) {
  const scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
  return table.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

/** Compresses and decompresses one plane in 8 x 8 blocks (DCT, quantisation, inverse DCT). */
function jpegPlane(plane, width, height, table) {
  const block = new Float64Array(64);
  const temp = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let i = 0; i < 64; i++) block[i] = plane[Math.min(height - 1, by + (i >> 3)) * width + Math.min(width - 1, bx + (i & 7))] - 128;
      for (const inverse of [false, true]) {
        // Rows, then columns (the 2-D DCT is separable).
        for (let pass = 0; pass < 2; pass++) {
          for (let a = 0; a < 8; a++) {
            for (let k = 0; k < 8; k++) {
              let sum = 0;
              for (let n = 0; n < 8; n++) {
                const value = pass === 0 ? block[a * 8 + n] : temp[n * 8 + a];
                sum += value * (inverse ? COSINES[n * 8 + k] : COSINES[k * 8 + n]);
              }
              if (pass === 0) temp[a * 8 + k] = sum; else block[k * 8 + a] = sum;
            }
          }
        }
        if (!inverse) for (let i = 0; i < 64; i++) block[i] = Math.round(block[i] / table[i]) * table[i];
      }
      for (let i = 0; i < 64; i++) {
        const [y, x] = [by + (i >> 3), bx + (i & 7)];
        if (y < height && x < width) plane[y * width + x] = Math.max(0, Math.min(255, block[i] + 128));
      }
    }
  }
}

/** JPEG's losses at `quality`: luma and 4:2:0 chroma compressed in 8 x 8 blocks. */
function jpegArtefacts(rgba, width, height, quality) {
  const n = width * height;
  const [Y, Cb, Cr] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]];
    Y[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    Cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
    Cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  }
  jpegPlane(Y, width, height, scaledTable(LUMA_TABLE, quality));
  const [w2, h2] = [Math.ceil(width / 2), Math.ceil(height / 2)];
  const chroma = [Cb, Cr].map((plane) => {
    const small = new Float64Array(w2 * h2);
    for (let y = 0; y < h2; y++) for (let x = 0; x < w2; x++) small[y * w2 + x] = plane[Math.min(height - 1, 2 * y) * width + Math.min(width - 1, 2 * x)];
    jpegPlane(small, w2, h2, scaledTable(CHROMA_TABLE, quality));
    return small;
  });
  for (let i = 0; i < n; i++) {
    const c = ((i / width >> 1) * w2) + ((i % width) >> 1);
    const [cb, cr] = [chroma[0][c] - 128, chroma[1][c] - 128];
    rgba[4 * i] = Y[i] + 1.402 * cr;
    rgba[4 * i + 1] = Y[i] - 0.344136 * cb - 0.714136 * cr;
    rgba[4 * i + 2] = Y[i] + 1.772 * cb;
  }
}

// ----- Frames without a code ---------------------------------------------------------------------

/** A version 17 symbol's size with every module light: the scene with its code painted out. */
const PAINTED_OUT = { version: 17, size: 85, modules: new Uint8Array(85 * 85) };

/**
 * A frame of a pattern (`shade(x, y)` in 0 dark to 1 light, sampled 3 x 3 per pixel) under the
 * same lens blur and sensor noise as the scenes.
 */
function renderPattern({ width, height }, shade, random, { blurSigma = 0.6, noiseSigma = 2.5 } = {}) {
  const plane = new Float32Array(width * height);
  const offsets = [-1 / 3, 0, 1 / 3];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const dy of offsets) for (const dx of offsets) sum += shade(x + 0.5 + dx, y + 0.5 + dy);
      plane[y * width + x] = 30 + 200 * (sum / 9);
    }
  }
  const blurred = gaussianBlur(plane, width, height, blurSigma);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index++) {
    const shared = random.gaussian() * noiseSigma;
    for (let channel = 0; channel < 3; channel++) rgba[index * 4 + channel] = Math.round(blurred[index] + shared);
    rgba[index * 4 + 3] = 255;
  }
  return rgba;
}

/**
 * The frames without a code: the clean and the noisy scene with the code painted out (the sheet,
 * its print and the desk remain), sensor noise on grey, salt-and-pepper blocks, a desk's grain
 * (texture), a page of print, a checkerboard seen in perspective and a tiled wall.
 */
function noCodeFrame(index, random) {
  const frame = index % 2 === 0 ? LARGE : SMALL;
  const drawn = (kind) => ({ kind });
  if (index < 2) {
    const className = index === 0 ? "clean" : "noise";
    const { data } = renderFrame(className, index, frame, PAINTED_OUT, random);
    return { frame, data, drawn: drawn(`${className} scene, code painted out`) };
  }
  const { width, height } = frame;
  switch (index) {
    case 2:
      return { frame, data: renderPattern(frame, () => 0.5, random, { noiseSigma: 40 }), drawn: drawn("sensor noise on grey") };
    case 3: {
      const cell = 3;
      const cells = Uint8Array.from({ length: Math.ceil(width / cell) * Math.ceil(height / cell) }, () => (random.next() < 0.5 ? 0 : 1));
      const columns = Math.ceil(width / cell);
      return { frame, data: renderPattern(frame, (x, y) => cells[Math.floor(y / cell) * columns + Math.floor(x / cell)], random),
        drawn: drawn("salt-and-pepper blocks") };
    }
    case 4: {
      const octaves = [valueNoise(width, height, 64, random), valueNoise(width, height, 16, random), valueNoise(width, height, 5, random)];
      return { frame, data: renderPattern(frame, (x, y) => 0.5 + 0.3 * octaves[0](x, y) + 0.25 * octaves[1](x, y) + 0.2 * octaves[2](x, y), random),
        drawn: drawn("texture") };
    }
    case 5: {
      // Lines of words whose letters are strokes and gaps: a page of print at 2-3 px a stroke.
      const lineHeight = 14, glyph = 7;
      const strokes = new Map();
      const ink = (row, column) => {
        const key = row * 100_000 + column;
        if (!strokes.has(key)) strokes.set(key, random.next());
        return strokes.get(key);
      };
      const shade = (x, y) => {
        const row = Math.floor(y / lineHeight), within = y - row * lineHeight;
        if (within < 3 || within > 12 || x < 20 || x > width - 20) return 1;
        const column = Math.floor(x / glyph), part = Math.floor(((x % glyph) / glyph) * 3);
        const letter = ink(row, column);
        if (letter < 0.15) return 1; // a space between words
        const stroke = Math.floor(letter * 97 + part * 31 + Math.floor(within / 3) * 17) % 3;
        return part === 2 || stroke === 0 ? 1 : 0;
      };
      return { frame, data: renderPattern(frame, shade, random), drawn: drawn("a page of print") };
    }
    case 6: {
      // A checkerboard on a plane tilted away from the camera.
      const square = 24;
      const shade = (x, y) => {
        const depth = 1 + 0.9 * (1 - y / height);
        const u = (x - width / 2) * depth / square, v = y * depth * depth / square;
        return (Math.floor(u) + Math.floor(v)) % 2 === 0 ? 0 : 1;
      };
      return { frame, data: renderPattern(frame, shade, random), drawn: drawn("a checkerboard in perspective") };
    }
    default: {
      // Tiles with dark grout and a dark square in each: a grid of square rings at about 3 px a module.
      const tile = 21;
      const shade = (x, y) => {
        const [u, v] = [x % tile, y % tile];
        const edge = Math.min(u, v, tile - 1 - u, tile - 1 - v);
        return edge < 3 || (edge >= 7 && edge < 9) ? 0 : 1;
      };
      return { frame, data: renderPattern(frame, shade, random), drawn: drawn("a tiled wall") };
    }
  }
}

/**
 * The 56 frames: `{ name, className, width, height, data (RGBA), text (the certificate), version,
 * drawn }`, the same for the same seed; then (`noCode`) the 8 frames without a code (`text` null).
 */
export async function generateFrames({ tirkeu, demo, seed = DEFAULT_SEED, noCode = true } = {}) {
  tirkeu ??= await loadTirkeu();
  demo ??= await loadDemo();
  const frames = [];
  for (const [classIndex, className] of CLASSES.entries()) {
    for (let index = 0; index < FRAMES_PER_CLASS; index++) {
      const sequence = classIndex * FRAMES_PER_CLASS + index;
      const random = seededRandom(seed * 7919 + sequence * 104_729);
      const { text, matrix } = issueCode(tirkeu, demo, random, sequence, className);
      const frame = frameSize(className, index);
      const { data, drawn } = renderFrame(className, index, frame, matrix, random);
      frames.push({ name: `${className}-${index}`, className, ...frame, data, text, version: matrix.version, drawn });
    }
  }
  for (let index = 0; noCode && index < NO_CODE_FRAMES; index++) {
    const random = seededRandom(seed * 7919 + (2000 + index) * 104_729);
    const { frame, data, drawn } = noCodeFrame(index, random);
    frames.push({ name: `${NO_CODE_CLASS}-${index}`, className: NO_CODE_CLASS, ...frame, data, text: null, version: null, drawn });
  }
  return frames;
}

/** Four 1920x1080 camera frames of certificate codes at 3-4.2 pixels a module, for the camera loop. */
export async function generateCameraFrames({ tirkeu, demo, seed = DEFAULT_SEED } = {}) {
  tirkeu ??= await loadTirkeu();
  demo ??= await loadDemo();
  const frames = [];
  for (let index = 0; index < 4; index++) {
    const sequence = 1000 + index;
    const random = seededRandom(seed * 7919 + sequence * 104_729);
    const { text, matrix } = issueCode(tirkeu, demo, random, sequence, "camera");
    const frame = { width: 1920, height: 1080 };
    const { data, drawn } = renderFrame("camera", index, frame, matrix, random);
    frames.push({ name: `camera-${index}`, className: "camera", ...frame, data, text, version: matrix.version, drawn });
  }
  return frames;
}

// ----- PNG output (for looking at the frames) ------------------------------------------------

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An RGBA image as a PNG file (filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 6 })), chunk("IEND", Buffer.alloc(0))]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const seed = Number(option("--seed", DEFAULT_SEED));
  const out = rootPath(option("--out", "target/bench/frames"));
  const started = performance.now();
  // --camera: the camera loop's full-HD frames instead.
  const frames = process.argv.includes("--camera") ? await generateCameraFrames({ seed }) : await generateFrames({ seed });
  await mkdir(out, { recursive: true });
  for (const frame of frames) await writeFile(`${out}/${frame.name}.png`, encodePng(frame.width, frame.height, frame.data));
  const index = frames.map(({ name, className, width, height, version, text, drawn }) => ({ name, className, width, height, version, text, ...drawn }));
  await writeFile(`${out}/index.json`, `${JSON.stringify(index, null, 1)}\n`);
  console.log(`${frames.length} frames (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`);
}
