/**
 * The files of a drop or a folder pick. A dropped folder is walked (every level), keeping only files whose
 * type is an image: a photo folder also holds .DS_Store, sidecar .xmp and the like, which would each cost an
 * upload attempt and a 415. Files dropped or picked one by one are all kept: the server decides (§7.3).
 */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'];

export function isImageFile(file: File): boolean {
  // Some systems give no type for .avif or .webp: fall back to the extension for those.
  return IMAGE_TYPES.includes(file.type) || (file.type === '' && /\.(jpe?g|png|gif|webp|avif)$/i.test(file.name));
}

/** Files from a folder input (`webkitdirectory`): images only, in path order. */
export function folderImages(list: FileList | null): File[] {
  return Array.from(list ?? [])
    .filter(isImageFile)
    .sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath));
}

export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  // Without the entries API (or nothing but plain files), the flat list is all there is.
  if (entries.length === 0 || entries.every((entry) => entry.isFile)) return Array.from(transfer.files);
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry));
    else files.push(...(await walk(entry as FileSystemDirectoryEntry)).filter(isImageFile));
  }
  return files;
}

async function walk(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = directory.createReader();
  const files: File[] = [];
  // readEntries returns the children in batches (about 100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const entry of batch.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isFile) files.push(await fileOf(entry as FileSystemFileEntry));
      else files.push(...(await walk(entry as FileSystemDirectoryEntry)));
    }
  }
  return files;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}
