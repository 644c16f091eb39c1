/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Median, minimum and maximum of a few runs.
 *
 * @param median the median
 * @param min the minimum
 * @param max the maximum
 * @param count the number of runs
 * @author Migrations for Spring Boot contributors
 */
record Stats(double median, double min, double max, int count) {

	static Stats of(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
	}

	/**
	 * The value at a percentile, nearest rank.
	 * @param values the values
	 * @param percentile 0 to 100
	 * @return the value
	 */
	static double percentile(List<Double> values, double percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	String format(double scale) {
		if (this.count == 1) {
			return number(this.median / scale);
		}
		return number(this.median / scale) + " (" + number(this.min / scale) + "–" + number(this.max / scale) + ")";
	}

	/**
	 * The least-squares line through points.
	 * @param points {@code {x, y}} pairs
	 * @return the slope and the correlation coefficient, NaN with fewer than two distinct
	 * x
	 */
	static double[] fit(List<double[]> points) {
		double n = points.size();
		double sx = 0;
		double sy = 0;
		for (double[] point : points) {
			sx += point[0];
			sy += point[1];
		}
		double mx = sx / n;
		double my = sy / n;
		double sxx = 0;
		double syy = 0;
		double sxy = 0;
		for (double[] point : points) {
			sxx += (point[0] - mx) * (point[0] - mx);
			syy += (point[1] - my) * (point[1] - my);
			sxy += (point[0] - mx) * (point[1] - my);
		}
		return new double[] { sxy / sxx, sxy / Math.sqrt(sxx * syy) };
	}

	static String number(double value) {
		// Differences can be negative: the precision follows the magnitude.
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
