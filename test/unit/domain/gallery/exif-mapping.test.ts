import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIF_TEXT_MAX, exifText, exposureTime, takenAt, toExif } from '../../../../src/domain/gallery/exif-mapping.js';

const camera = {
  Make: 'Tessera Optics\0\0',
  Model: 'TX-100',
  LensModel: 'TX 35mm F2.8',
  DateTimeOriginal: '2024:05:17 14:03:22',
  OffsetTimeOriginal: '+02:00',
  ExposureTime: 0.004,
  FNumber: 2.8,
  FocalLength: 35,
  ISO: 200,
  GPSLatitudeRef: 'N',
  GPSLatitude: [48, 51, 29.64],
  GPSLongitudeRef: 'W',
  GPSLongitude: [2, 17, 40.2],
  GPSAltitudeRef: new Uint8Array([1]),
  GPSAltitude: 12.5,
};

describe('toExif', () => {
  it('maps every field of contract §7.5', () => {
    expect(toExif(camera)).toEqual({
      cameraMake: 'Tessera Optics',
      cameraModel: 'TX-100',
      lensModel: 'TX 35mm F2.8',
      takenAt: '2024-05-17T14:03:22+02:00',
      exposureTime: '1/250',
      fNumber: 2.8,
      focalLengthMm: 35,
      iso: 200,
      gps: { latitude: 48.8582333, longitude: -2.2945, altitudeM: -12.5 },
    });
  });

  it('is null when none of the fields is present', () => {
    expect(toExif({})).toBeNull();
    expect(toExif({ Orientation: 6, XResolution: 72, Software: 'GIMP' })).toBeNull();
    expect(toExif({ Make: ' \0 ', DateTimeOriginal: '0000:00:00 00:00:00', ISO: 0 })).toBeNull();
  });

  it('keeps a lone field and nulls the others', () => {
    expect(toExif({ ISO: [400, 0] })).toMatchObject({ iso: 400, cameraMake: null, gps: null, takenAt: null });
    expect(toExif({ FNumber: 1.7999999 })?.fNumber).toBe(1.8);
  });

  it('signs GPS from the refs and keeps altitude above sea level positive', () => {
    const gps = toExif({ ...camera, GPSLatitudeRef: 'S', GPSLongitudeRef: 'E', GPSAltitudeRef: 0 })?.gps;
    expect(gps).toEqual({ latitude: -48.8582333, longitude: 2.2945, altitudeM: 12.5 });
  });

  it('gives a null altitude when none is recorded, and no GPS without both coordinates', () => {
    expect(toExif({ ...camera, GPSAltitude: undefined })?.gps?.altitudeM).toBeNull();
    expect(toExif({ ...camera, GPSLongitude: undefined })?.gps).toBeNull();
    expect(toExif({ ...camera, GPSLatitude: [91, 0, 0] })?.gps).toBeNull();
    expect(toExif({ ...camera, GPSLatitude: ['x', 1, 2] })?.gps).toBeNull();
  });

  it('never throws, whatever the tags hold', () => {
    const value = fc.oneof(fc.anything(), fc.array(fc.double()), fc.string(), fc.double());
    const keys = ['Make', 'Model', 'LensModel', 'DateTimeOriginal', 'OffsetTimeOriginal', 'ExposureTime', 'FNumber',
      'FocalLength', 'ISO', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef', 'GPSAltitude', 'GPSAltitudeRef'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (raw) => {
        const exif = toExif(raw);
        if (exif?.gps) expect(Math.abs(exif.gps.latitude)).toBeLessThanOrEqual(90);
      }),
    );
  });
});

describe('exifText', () => {
  it('removes control characters and trims', () => {
    expect(exifText('Canon\u0000\u0007 EOS\u009f R5\n')).toBe('Canon EOS R5');
    expect(exifText('\ud800Nikon')).toBe('Nikon');
  });

  it(`caps at ${EXIF_TEXT_MAX} code points, counting an emoji once`, () => {
    expect(Array.from(exifText('📷'.repeat(200))!)).toHaveLength(EXIF_TEXT_MAX);
    expect(exifText('a'.repeat(129))).toBe('a'.repeat(128));
  });

  it('is null for empty or non-string values', () => {
    expect(exifText('')).toBeNull();
    expect(exifText('\u0000\u0000')).toBeNull();
    expect(exifText(42)).toBeNull();
    expect(exifText(new Uint8Array([65]))).toBeNull();
  });
});

describe('takenAt', () => {
  it.each([
    ['2024:05:17 14:03:22', undefined, '2024-05-17T14:03:22'],
    ['2024:05:17 14:03:22', '-05:30', '2024-05-17T14:03:22-05:30'],
    ['2024:05:17 14:03:22\0', '+09:00\0', '2024-05-17T14:03:22+09:00'],
    ['2024:02:29 00:00:00', 'Z', '2024-02-29T00:00:00'],
    ['2024:05:17 14:03:22', '  :  ', '2024-05-17T14:03:22'],
  ])('%j with offset %j → %j', (dateTime, offset, expected) => {
    expect(takenAt(dateTime, offset)).toBe(expected);
  });

  it.each(['0000:00:00 00:00:00', '2023:02:29 10:00:00', '2024:13:01 10:00:00', '2024:05:17 24:00:00', '    :  :     :  :  ', 'yesterday'])(
    'is null for %j',
    (dateTime) => {
      expect(takenAt(dateTime, '+02:00')).toBeNull();
    },
  );

  it('does not take a revived Date', () => {
    expect(takenAt(new Date(), undefined)).toBeNull();
  });
});

describe('exposureTime', () => {
  it.each([
    [0.004, '1/250'],
    [1 / 8000, '1/8000'],
    [1 / 3, '1/3'],
    [0.4, '0.4'],
    [1, '1'],
    [2, '2'],
    [2.5, '2.5'],
    [30, '30'],
  ])('%d s → %j', (seconds, expected) => {
    expect(exposureTime(seconds)).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1/250', null])('is null for %j', (value) => {
    expect(exposureTime(value)).toBeNull();
  });
});
