/**
 * The replay of a script in an exercise: its steps injected as they fall due, each fact recorded once whatever the
 * instances ({@link fr.ars.coord.incident.replay.ScriptInjector}); scripts written from recorded incidents
 * ({@link fr.ars.coord.incident.replay.RecordedCrisisScripts}).
 */
package fr.ars.coord.incident.replay;
