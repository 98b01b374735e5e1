package org.quotient.optimizer.geo;

/** A point on the earth in decimal degrees (WGS84). */
public record GeoPoint(double lat, double lon) implements java.io.Serializable {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(
          "coordinates out of range: lat="
              + lat
              + ", lon="
              + lon
              + " (lat -90..90, lon -180..180)");
    }
  }

  /** Great-circle (haversine) distance in kilometres. */
  public double distanceKm(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
