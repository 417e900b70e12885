/**
 * The camera facts of an image (contract §7.5) as a compact definition list, only the ones present, and the
 * GPS position when the API sent it — which it does for the owner only, so the page says so.
 */
import type { Exif } from '../api/types.js';

type Gps = NonNullable<Exif['gps']>;

export function ExifDetails({ exif }: { exif: Exif | null }) {
  const rows = exif ? cameraRows(exif) : [];
  return (
    <>
      {rows.length > 0 && (
        <section class="exif" aria-labelledby="exif-heading">
          <h2 id="exif-heading">Camera</h2>
          <dl class="facts">
            {rows.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {exif?.gps && <Location gps={exif.gps} />}
    </>
  );
}

function Location({ gps }: { gps: Gps }) {
  const latitude = coordinate(gps.latitude);
  const longitude = coordinate(gps.longitude);
  return (
    <section class="exif-gps" aria-labelledby="gps-heading">
      <h2 id="gps-heading">Location</h2>
      <p class="private-note">Only you can see the location: other visitors, and moderators, never get it.</p>
      <dl class="facts">
        <div>
          <dt>Latitude</dt>
          <dd class="latitude">{latitude}</dd>
        </div>
        <div>
          <dt>Longitude</dt>
          <dd class="longitude">{longitude}</dd>
        </div>
        {gps.altitude_m !== null && (
          <div>
            <dt>Altitude</dt>
            <dd class="altitude">{`${Math.round(gps.altitude_m * 10) / 10} m`}</dd>
          </div>
        )}
      </dl>
      <p>
        <a class="osm-link" href={openStreetMapUrl(latitude, longitude)} rel="noopener noreferrer">
          Open in OpenStreetMap
        </a>
      </p>
    </section>
  );
}

/** Six decimals: about 0.1 m, more than any phone's GPS resolves. */
function coordinate(degrees: number): string {
  return degrees.toFixed(6);
}

export function openStreetMapUrl(latitude: string, longitude: string): string {
  const lat = encodeURIComponent(latitude);
  const lon = encodeURIComponent(longitude);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
}

function cameraRows(exif: Exif): [string, string][] {
  const rows: [string, string][] = [];
  const camera = cameraName(exif.camera_make, exif.camera_model);
  if (camera !== null) rows.push(['Camera', camera]);
  if (exif.lens_model) rows.push(['Lens', exif.lens_model]);
  // As the camera wrote it (local time, offset only when recorded): there is no time zone to convert from.
  if (exif.taken_at) rows.push(['Taken', exif.taken_at.replace('T', ' ')]);
  if (exif.exposure_time) rows.push(['Exposure', `${exif.exposure_time} s`]);
  if (exif.f_number !== null) rows.push(['Aperture', `ƒ/${exif.f_number}`]);
  if (exif.focal_length_mm !== null) rows.push(['Focal length', `${exif.focal_length_mm} mm`]);
  if (exif.iso !== null) rows.push(['ISO', String(exif.iso)]);
  return rows;
}

/** "Canon" + "Canon EOS R5" reads "Canon EOS R5", not "Canon Canon EOS R5". */
function cameraName(make: string | null, model: string | null): string | null {
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return make || model || null;
}
