/**
 * Finding the engine: parsing a registry address and looking up every service stub, again
 * when the engine is lost. Shared by the CLI and the simulator.
 */
package org.redditclone.client.connect;
