package vn.dondoc.calendar;

/**
 * The few astronomical quantities the lunar calendar needs, from the series in Jean Meeus,
 * "Astronomical Algorithms" (2nd ed., 1998): true new moon (chapter 49), apparent solar longitude
 * (chapter 25, lower accuracy, about 0.01°) and ΔT (the Espenak–Meeus polynomial fits).
 *
 * <p>Times are Julian Ephemeris Days (TT) unless a name says UT.
 */
final class Astronomy {

	static final double SYNODIC_MONTH = 29.530588861;
	/** JDE of the mean new moon of lunation 0 (6 January 2000). */
	private static final double LUNATION_ZERO = 2451550.09766;
	private static final double J2000 = 2451545.0;

	private Astronomy() {
	}

	/** Lunation number whose mean new moon is nearest to the given JDE (Meeus 49.2). */
	static long lunationNear(double jde) {
		return Math.round((jde - LUNATION_ZERO) / SYNODIC_MONTH);
	}

	/** JDE (TT) of the true new moon of lunation {@code k}, Meeus chapter 49. */
	static double trueNewMoon(long lunation) {
		double k = lunation;
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double t4 = t3 * t;
		double jde = LUNATION_ZERO + SYNODIC_MONTH * k
				+ 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

		double e = 1 - 0.002516 * t - 0.0000074 * t2;
		double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
		double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
		double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
		double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

		double c = -0.40720 * Math.sin(mp)
				+ 0.17241 * e * Math.sin(m)
				+ 0.01608 * Math.sin(2 * mp)
				+ 0.01039 * Math.sin(2 * f)
				+ 0.00739 * e * Math.sin(mp - m)
				- 0.00514 * e * Math.sin(mp + m)
				+ 0.00208 * e * e * Math.sin(2 * m)
				- 0.00111 * Math.sin(mp - 2 * f)
				- 0.00057 * Math.sin(mp + 2 * f)
				+ 0.00056 * e * Math.sin(2 * mp + m)
				- 0.00042 * Math.sin(3 * mp)
				+ 0.00042 * e * Math.sin(m + 2 * f)
				+ 0.00038 * e * Math.sin(m - 2 * f)
				- 0.00024 * e * Math.sin(2 * mp - m)
				- 0.00017 * Math.sin(omega)
				- 0.00007 * Math.sin(mp + 2 * m)
				+ 0.00004 * Math.sin(2 * mp - 2 * f)
				+ 0.00004 * Math.sin(3 * m)
				+ 0.00003 * Math.sin(mp + m - 2 * f)
				+ 0.00003 * Math.sin(2 * mp + 2 * f)
				- 0.00003 * Math.sin(mp + m + 2 * f)
				+ 0.00003 * Math.sin(mp - m + 2 * f)
				- 0.00002 * Math.sin(mp - m - 2 * f)
				- 0.00002 * Math.sin(3 * mp + m)
				+ 0.00002 * Math.sin(4 * mp);

		// planetary arguments A1..A14 and their coefficients (Meeus 49, "additional corrections")
		double a = 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
				+ 0.000165 * sinDeg(251.88 + 0.016321 * k)
				+ 0.000164 * sinDeg(251.83 + 26.651886 * k)
				+ 0.000126 * sinDeg(349.42 + 36.412478 * k)
				+ 0.000110 * sinDeg(84.66 + 18.206239 * k)
				+ 0.000062 * sinDeg(141.74 + 53.303771 * k)
				+ 0.000060 * sinDeg(207.14 + 2.453732 * k)
				+ 0.000056 * sinDeg(154.84 + 7.306860 * k)
				+ 0.000047 * sinDeg(34.52 + 27.261239 * k)
				+ 0.000042 * sinDeg(207.19 + 0.121824 * k)
				+ 0.000040 * sinDeg(291.34 + 1.844379 * k)
				+ 0.000037 * sinDeg(161.72 + 24.198154 * k)
				+ 0.000035 * sinDeg(239.56 + 25.513099 * k)
				+ 0.000023 * sinDeg(331.55 + 3.592518 * k);
		return jde + c + a;
	}

	/** Apparent geocentric longitude of the sun in degrees [0, 360), Meeus chapter 25 (lower accuracy). */
	static double apparentSolarLongitude(double jde) {
		double t = (jde - J2000) / 36525.0;
		double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
		double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
		double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
				+ (0.019993 - 0.000101 * t) * Math.sin(2 * m)
				+ 0.000289 * Math.sin(3 * m);
		double omega = rad(125.04 - 1934.136 * t);
		double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
		return normalise(lambda);
	}

	/**
	 * JDE at which the sun's apparent longitude reaches {@code degrees}, searched from a guess within
	 * a few weeks of it (Meeus chapter 27 uses the same correction step: 58 days per radian).
	 */
	static double solarLongitudeReached(double degrees, double guessJde) {
		double jde = guessJde;
		for (int i = 0; i < 50; i++) {
			double diff = normalise(degrees - apparentSolarLongitude(jde) + 180) - 180;
			double step = 58.13 * Math.sin(rad(diff));
			jde += step;
			if (Math.abs(step) < 1e-7) {
				break;
			}
		}
		return jde;
	}

	/** ΔT = TT − UT in seconds for a decimal year, Espenak–Meeus fits valid from 1860 to 2150. */
	static double deltaTSeconds(double year) {
		if (year < 1860 || year > 2150) {
			throw new IllegalArgumentException("ΔT is only modelled for 1860–2150, not " + year);
		}
		if (year < 1900) {
			double t = year - 1860;
			return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.pow(t, 3)
					- 0.0004473624 * Math.pow(t, 4) + Math.pow(t, 5) / 233174;
		}
		if (year < 1920) {
			double t = year - 1900;
			return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.pow(t, 3) - 0.000197 * Math.pow(t, 4);
		}
		if (year < 1941) {
			double t = year - 1920;
			return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.pow(t, 3);
		}
		if (year < 1961) {
			double t = year - 1950;
			return 29.07 + 0.407 * t - t * t / 233 + Math.pow(t, 3) / 2547;
		}
		if (year < 1986) {
			double t = year - 1975;
			return 45.45 + 1.067 * t - t * t / 260 - Math.pow(t, 3) / 718;
		}
		if (year < 2005) {
			double t = year - 2000;
			return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3)
					+ 0.000651814 * Math.pow(t, 4) + 0.00002373599 * Math.pow(t, 5);
		}
		if (year < 2050) {
			double t = year - 2000;
			return 62.92 + 0.32217 * t + 0.005589 * t * t;
		}
		double u = (year - 1820) / 100;
		return -20 + 32 * u * u - 0.5628 * (2150 - year);
	}

	/** Converts a JDE (TT) to a Julian Day in UT. */
	static double toUniversalTime(double jde) {
		return jde - deltaTSeconds(decimalYear(jde)) / 86400.0;
	}

	/** Converts a Julian Day in UT to a JDE (TT). */
	static double toDynamicalTime(double jdUt) {
		return jdUt + deltaTSeconds(decimalYear(jdUt)) / 86400.0;
	}

	private static double decimalYear(double jd) {
		return 2000.0 + (jd - J2000) / 365.25;
	}

	private static double rad(double degrees) {
		return Math.toRadians(degrees % 360.0);
	}

	private static double sinDeg(double degrees) {
		return Math.sin(rad(degrees));
	}

	private static double normalise(double degrees) {
		double d = degrees % 360.0;
		return d < 0 ? d + 360.0 : d;
	}
}
