/** A point in Web Mercator, as fractions of the world's width from the top-left (0…1 each way). */
export function mercator(lng: number, lat: number): [number, number] {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return [(lng + 180) / 360, (1 - Math.asinh(Math.tan(r)) / Math.PI) / 2];
}
