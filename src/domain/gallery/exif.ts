/** EXIF facts kept from an upload (contract §7.5); GPS is shown to the owner only. */
export interface Exif {
  readonly cameraMake: string | null;
  readonly cameraModel: string | null;
  readonly lensModel: string | null;
  /** `YYYY-MM-DDTHH:MM:SS`, plus `±HH:MM` only when the file records an offset. Not converted to UTC. */
  readonly takenAt: string | null;
  readonly exposureTime: string | null;
  readonly fNumber: number | null;
  readonly focalLengthMm: number | null;
  readonly iso: number | null;
  readonly gps: { readonly latitude: number; readonly longitude: number; readonly altitudeM: number | null } | null;
}
