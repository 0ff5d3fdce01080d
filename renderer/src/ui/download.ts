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

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A file made by the main process for the user: in Electron it has already been saved where they
 * chose (savedTo); in the browser it comes back as bytes and is downloaded here. Returns what to
 * tell the user, or null when they cancelled the save dialog; other failures are thrown.
 */
export async function deliverFile(request: Promise<{ fileName: string; savedTo: string | null; data: string | null }>, type?: string): Promise<string | null> {
  try {
    const r = await request;
    if (r.data) downloadBase64(r.data, r.fileName, type);
    return r.savedTo ? `已保存到“${r.savedTo}”` : `已生成“${r.fileName}”`;
  } catch (err) {
    if ((err as { error?: { code?: string } }).error?.code === 'CANCELLED') return null;
    throw err;
  }
}
