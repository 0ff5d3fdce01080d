/**
 * Handing a file to the user from the page: in the browser harness a download; in Electron the main
 * process has already saved exports where the user chose, and charts download the same way.
 */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the contract returned as base64 (an export in the browser harness). */
export function downloadBase64(data: string, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  downloadBlob(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type }), fileName);
}
