/**
 * The benchmark program {@code infra/bench/run.sh} runs: each phase measures one figure side by side with its
 * reference in the same run.
 */
package fr.ars.coord.bench;
