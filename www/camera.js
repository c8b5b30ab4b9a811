// The camera: the rear camera at the device's full resolution, an aiming frame, a scan of every
// frame until a code is read, advice when nothing reads, and errors that say what happened and
// how to allow the camera. A dense code (version 17-20) held at arm's length has modules of about
// three pixels in a full 1920x1080 frame and under two once shrunk to 960 pixels, so the camera
// runs at full resolution and the module's FrameScanner says which part of each frame it reads
// and at what size (the whole frame at half size, or where the last code was at full
// resolution): only those pixels are drawn, read back and copied into the module.
import * as tirkeu from "./pkg/verify.js";
import { t } from "./i18n.js";
import { el } from "./ui.js";

const SCAN_INTERVAL_MS = 100;
const HELP_AFTER_MS = 3000;
/** Asked as "ideal": the camera gives its largest size up to this; 4K is what phones offer at most. */
const IDEAL_SIZE = { width: 3840, height: 2160 };

/**
 * The camera's error in the user's language: what happened and what to do.
 * @param {unknown} error
 */
function cameraError(error) {
  const name = /** @type {{ name?: string }} */ (error)?.name;
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return t("camera.denied");
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return t("camera.missing");
  if (name === "NotReadableError" || name === "AbortError" || name === "TrackStartError") return t("camera.busy");
  return t("camera.failed");
}

/** @typedef {import("./pkg/verify.js").ScannedCode} ScannedCode */

/**
 * @param {{ onCodes: (codes: ScannedCode[]) => void }} options called with the codes of the
 *   first frame where any were read (text or not); the camera has stopped by then
 */
export function createCamera({ onCodes }) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const video = /** @type {HTMLVideoElement} */ ($("camera-video"));
  const select = /** @type {HTMLSelectElement} */ ($("camera-select"));
  const torch = $("camera-torch");
  const hint = $("camera-hint");
  const canvas = document.createElement("canvas");
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d", { willReadFrequently: true }));
  /** @type {MediaStream | null} */
  let stream = null;
  /** @type {tirkeu.FrameScanner | null} */
  let scanner = null;
  let timer = 0;
  let helpTimer = 0;

  function showError(/** @type {string} */ text) {
    $("camera-error").textContent = text;
    $("camera-error").hidden = false;
  }

  function stop() {
    clearTimeout(timer);
    clearTimeout(helpTimer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    scanner?.free();
    scanner = null;
    video.srcObject = null;
    $("camera-box").hidden = true;
    $("camera-stop").hidden = true;
    torch.hidden = true;
    $("camera-pick").hidden = true;
    $("camera-start").hidden = false;
    torch.setAttribute("aria-pressed", "false");
  }

  /** @param {string} [deviceId] */
  async function start(deviceId) {
    stop();
    $("camera-error").hidden = true;
    if (!navigator.mediaDevices?.getUserMedia) {
      showError(window.isSecureContext ? t("camera.missing") : t("camera.insecure"));
      return false;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: deviceId
          ? { deviceId: { exact: deviceId }, width: { ideal: IDEAL_SIZE.width }, height: { ideal: IDEAL_SIZE.height } }
          : { facingMode: { ideal: "environment" }, width: { ideal: IDEAL_SIZE.width }, height: { ideal: IDEAL_SIZE.height } },
      });
    } catch (error) {
      showError(cameraError(error));
      return false;
    }
    video.srcObject = stream;
    scanner = new tirkeu.FrameScanner();
    hint.textContent = t("camera.hint");
    hint.classList.remove("help");
    $("camera-box").hidden = false;
    $("camera-start").hidden = true;
    $("camera-stop").hidden = false;
    await video.play().catch(() => {});
    const track = stream.getVideoTracks()[0];
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === "videoinput");
    select.replaceChildren(...cameras.map((camera, i) => el("option", { value: camera.deviceId, text: camera.label || `${t("camera.select")} ${i + 1}` })));
    select.value = track?.getSettings().deviceId ?? "";
    $("camera-pick").hidden = cameras.length < 2;
    torch.hidden = !(/** @type {{ torch?: boolean }} */ (track?.getCapabilities?.() ?? {})).torch;
    helpTimer = window.setTimeout(() => {
      hint.textContent = t("camera.help");
      hint.classList.add("help");
    }, HELP_AFTER_MS);
    timer = window.setTimeout(scan, SCAN_INTERVAL_MS);
    return true;
  }

  function scan() {
    if (!stream || !scanner) return;
    const { videoWidth, videoHeight } = video;
    if (video.readyState >= 2 && videoWidth && videoHeight) {
      const view = scanner.view(videoWidth, videoHeight);
      if (canvas.width !== view.width || canvas.height !== view.height) {
        canvas.width = view.width;
        canvas.height = view.height;
      }
      // Nearest pixel, as the view asks (resizing the canvas resets it).
      context.imageSmoothingEnabled = false;
      context.drawImage(video, view.sourceLeft, view.sourceTop, view.sourceWidth, view.sourceHeight, 0, 0, view.width, view.height);
      /** @type {ScannedCode[]} */
      let codes = [];
      try {
        codes = scanner.scanView(context.getImageData(0, 0, view.width, view.height));
      } catch { /* an unreadable frame: try the next one */ }
      if (codes.length) {
        stop();
        onCodes(codes);
        return;
      }
    }
    // The next frame once this one is done: a slow device scans fewer frames, never a queue.
    timer = window.setTimeout(scan, SCAN_INTERVAL_MS);
  }

  async function toggleTorch() {
    const on = torch.getAttribute("aria-pressed") !== "true";
    try {
      // `torch` is not in the DOM's types yet (an extension of Image Capture).
      await stream?.getVideoTracks()[0]?.applyConstraints(/** @type {MediaTrackConstraints} */ (/** @type {unknown} */ ({ advanced: [{ torch: on }] })));
      torch.setAttribute("aria-pressed", String(on));
    } catch { torch.hidden = true; }
  }

  $("camera-start").addEventListener("click", () => start().then((started) => { if (started) $("camera-stop").focus(); }));
  $("camera-stop").addEventListener("click", () => { stop(); $("camera-start").focus(); });
  select.addEventListener("change", () => start(select.value));
  torch.addEventListener("click", toggleTorch);
  document.addEventListener("visibilitychange", () => { if (document.hidden) stop(); });

  return {
    start,
    stop,
    /** The size of the frames being scanned (for tests and the console). */
    get frameSize() { return stream ? { width: video.videoWidth, height: video.videoHeight } : null; },
  };
}
