/**
 * Finding the engine and surviving its loss: parsing a registry address, the one lookup of every
 * service stub ({@link org.redditclone.client.connect.EngineLookup}, TLS included), looking them
 * up again when the engine is lost ({@link org.redditclone.client.connect.EngineConnection}), the
 * one classifier of failed remote calls ({@link org.redditclone.client.connect.CallFailure}) and
 * the one retry type ({@link org.redditclone.client.connect.RetryPolicy}). Shared by the CLI, the
 * simulator, the merge and the probe.
 */
package org.redditclone.client.connect;
