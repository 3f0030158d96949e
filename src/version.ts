/** Bumped whenever a stage changes what it extracts, so stored analyses can be told apart. */
export const PIPELINE_VERSION = '0.1.0';
