// Runs the SES v2 emulator until the JVM that started it goes away: its stdin closes then,
// even when the JVM is killed without running its shutdown hooks.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require('aws-ses-v2-local/dist/cli.js');
