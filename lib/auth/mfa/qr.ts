// The otpauth URI as an SVG QR code rendered on the server, so no image is loaded from
// elsewhere and the secret never leaves this app. Colours come from the page (currentColor).
import "server-only";
import QRCode from "qrcode";

export async function totpQrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  // qrcode writes fixed #000000/#ffffff; let the UI's tokens decide instead.
  return svg.replace(/fill="#ffffff"/gi, 'fill="transparent"').replace(/stroke="#000000"/gi, 'stroke="currentColor"').replace(/fill="#000000"/gi, 'fill="currentColor"');
}
