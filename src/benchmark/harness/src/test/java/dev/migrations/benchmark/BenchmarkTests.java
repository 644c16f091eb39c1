package dev.migrations.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the variants within the rounds, and the statistics.
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

}
