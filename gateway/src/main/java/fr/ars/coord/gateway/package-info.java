/**
 * The gateway, the single entry (Spring Cloud Gateway Server MVC). Features: {@code routing}, {@code security},
 * {@code filter}; {@code web} (its own answers) and {@code config} beside them.
 */
package fr.ars.coord.gateway;
