// A file the user picked, as the contract's uploadedFile: its name and its bytes in base64.
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export async function readUpload(file: File): Promise<{ fileName: string; data: string }> {
  if (file.size > MAX_UPLOAD_BYTES) throw new RangeError(`${file.name}: ${file.size} bytes; the limit is 5 MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, data: btoa(binary) };
}
