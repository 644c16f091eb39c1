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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency of {@code GET /actuator/migrations}: sequential requests from one client after
 * a warm-up, each timed until its whole body has arrived.
 *
 * @author Migrations for Spring Boot contributors
 */
final class EndpointLatency {

	private EndpointLatency() {
	}

	static Result measure(String database, int rows, int port, int requests, Measurement setup, String note) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/migrations"))
			.timeout(Duration.ofMinutes(1))
			.GET()
			.build();
		try {
			HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (first.statusCode() != 200) {
				return new Result(database, rows, 0, List.of(), 0, setup, "n/a: GET /actuator/migrations answered HTTP "
						+ first.statusCode() + " (the endpoint is not in the installed starter)", note);
			}
			int warmup = Math.min(100, requests);
			for (int i = 0; i < warmup; i++) {
				client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			List<Double> latencies = new ArrayList<>(requests);
			int bytes = 0;
			for (int i = 0; i < requests; i++) {
				long started = System.nanoTime();
				HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				latencies.add((System.nanoTime() - started) / 1_000_000.0);
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET /actuator/migrations answered HTTP " + response.statusCode());
				}
				bytes = response.body().length;
			}
			return new Result(database, rows, warmup, latencies, bytes, setup, null, note);
		}
		catch (IOException ex) {
			return new Result(database, rows, 0, List.of(), 0, setup, "n/a: " + ex, note);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * The latencies of one database's endpoint cell.
	 *
	 * @param database {@code h2} or {@code postgresql}
	 * @param rows history rows
	 * @param warmup unmeasured requests sent first
	 * @param latencies milliseconds per measured request
	 * @param bytes size of a response body
	 * @param setup applying the revisions that made the history
	 * @param unavailable why there are no latencies, or {@code null}
	 * @param note how the cell deviated from the defaults, or {@code null}
	 */
	record Result(String database, int rows, int warmup, List<Double> latencies, int bytes, Measurement setup,
			String unavailable, String note) {

		double percentile(double percentile) {
			return Stats.percentile(this.latencies, percentile);
		}

	}

}
