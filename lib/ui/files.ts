/** Files in and out of an extension page: a download of text, and the text of a chosen file. */

/** Saves text as a file through the browser's download (a Blob URL and an <a download>). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const MB = 1024 * 1024;

/**
 * A chosen file's text, through FileReader (which every browser and test DOM has), once its
 * size is known to be at most `maxBytes`: a larger file is refused from `file.size` alone,
 * before any of it is read, so a wrong pick (a video, a disk image) never fills the page's memory.
 */
export function readFileText(file: Blob, maxBytes: number, what: string): Promise<string> {
  if (file.size > maxBytes) {
    return Promise.reject(new Error(`The file is too large to be ${what} (over ${Math.round(maxBytes / MB)} MB).`));
  }
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(new Error('The file could not be read.'));
    r.readAsText(file);
  });
}
