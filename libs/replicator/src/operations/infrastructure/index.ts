/**
 * Infrastructure drift: the live settings of each environment's table and bucket,
 * read from AWS, against what the program declares (the offline plan of the same
 * commit) and against prod's for the settings every environment shares.
 */
export * from './infrastructure-settings';
export * from './live-infrastructure';
export * from './declared-infrastructure';
export * from './infrastructure-drift';
