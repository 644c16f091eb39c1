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

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The order of the variants within the rounds, the statistics, the options and the result
 * line.
 */
class BenchmarkTests {

	@Test
	void roundsRunTheVariantsInChangingOrderAndAfterChangingNeighbours() {
		List<Integer> variants = List.of(1, 2, 3, 4);
		assertThat(Benchmark.rotate(variants, 0)).containsExactly(1, 2, 3, 4);
		assertThat(Benchmark.rotate(variants, 1)).containsExactly(1, 4, 3, 2);
		assertThat(Benchmark.rotate(variants, 2)).containsExactly(3, 4, 1, 2);
		assertThat(Benchmark.rotate(variants, 3)).containsExactly(3, 2, 1, 4);
	}

	@Test
	void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
		assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Stats(2.5, 1.0, 4.0, 4));
		assertThat(Stats.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Stats(3.0, 1.0, 5.0, 3));
	}

	@Test
	void percentilesUseTheNearestRank() {
		List<Double> values = new java.util.ArrayList<>();
		for (int i = 1; i <= 200; i++) {
			values.add((double) i);
		}
		assertThat(Stats.percentile(values, 50)).isEqualTo(100.0);
		assertThat(Stats.percentile(values, 99)).isEqualTo(198.0);
		assertThat(Stats.percentile(values, 100)).isEqualTo(200.0);
	}

	@Test
	void aPairedTargetIsMetOrMissedOnlyWhenItsWholeInterquartileRangeSaysSo() {
		assertThat(Report.verdict(-200, 90, 100)).isEqualTo("**yes**");
		assertThat(Report.verdict(120, 600, 100)).isEqualTo("**no**");
		assertThat(Report.verdict(-440, 530, 100)).startsWith("not resolved");
		assertThat(Report.verdict(0.98, 1.07, 1.05)).startsWith("not resolved");
	}

	@Test
	void noOpStartsWithTheDatabaseOpenedFirstRunByDefaultAndInTheSmokeRun() {
		assertThat(Options.parse(new String[0], Path.of("target")).scenarios()).contains(Results.NOOP_OPEN);
		assertThat(Options.parse(new String[] { "--smoke" }, Path.of("target")).scenarios())
			.contains(Results.NOOP_OPEN);
		assertThat(Options.parse(new String[] { "--scenarios", "noop,noop-open" }, Path.of("target")).scenarios())
			.containsExactly(Results.NOOP, Results.NOOP_OPEN);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse(new String[] { "--scenarios", "noop,noop_open" }, Path.of("target")))
			.withMessageStartingWith("Unknown scenario noop_open");
	}

	@Test
	void resultLinesAreReadWithAndWithoutTheOpeningTime() {
		Matcher open = Launcher.RESULT
			.matcher("BENCHMARK-RESULT step_ms=12.500 ready_ms=2000 rss_kb=150000 cpu_ms=3000 port=-1 open_ms=450.250");
		assertThat(open.find()).isTrue();
		assertThat(open.group(1)).isEqualTo("12.500");
		assertThat(open.group(5)).isEqualTo("-1");
		assertThat(open.group(6)).isEqualTo("450.250");
		Matcher without = Launcher.RESULT
			.matcher("BENCHMARK-RESULT step_ms=12.500 ready_ms=2000 rss_kb=150000 cpu_ms=3000 port=8080\n");
		assertThat(without.find()).isTrue();
		assertThat(without.group(5)).isEqualTo("8080");
		assertThat(without.group(6)).isNull();
	}

	@Test
	void jvmAccountingLinesAreRead() {
		Matcher line = Launcher.JVM
			.matcher("BENCHMARK-RESULT step_ms=1.0\nBENCHMARK-JVM main_cpu_ms=1500.2 c2_cpu_ms=2100.0 "
					+ "ended_cpu_ms=-10.0 classes=7000\n");
		assertThat(line.find()).isTrue();
		assertThat(line.group(1)).isEqualTo(" main_cpu_ms=1500.2 c2_cpu_ms=2100.0 ended_cpu_ms=-10.0 classes=7000");
	}

	@Test
	void aLineIsFittedThroughPoints() {
		double[] exact = Stats.fit(List.of(new double[] { 1, 3 }, new double[] { 2, 5 }, new double[] { 4, 9 }));
		assertThat(exact[0]).isCloseTo(2.0, within(1e-9));
		assertThat(exact[1]).isCloseTo(1.0, within(1e-9));
		double[] falling = Stats.fit(List.of(new double[] { 1, 4 }, new double[] { 2, 1 }, new double[] { 3, 1 }));
		assertThat(falling[0]).isCloseTo(-1.5, within(1e-9));
		assertThat(falling[1]).isNegative().isGreaterThan(-1.0);
	}

	@Test
	void thePairedCellsSwitchedOffWayIsAProperty() {
		assertThat(Options.parse(new String[0], Path.of("target")).pairsOff()).isEqualTo("migrations.enabled=false");
		assertThat(Options.parse(new String[] { "--pairs-off", "migrations.mode=none" }, Path.of("target")).pairsOff())
			.isEqualTo("migrations.mode=none");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.parse(new String[] { "--pairs-off", "none" }, Path.of("target")))
			.withMessageStartingWith("--pairs-off must be KEY=VALUE");
	}

}
