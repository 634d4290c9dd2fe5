// ZhKit: the umbrella module. It re-exports the modules below it so that `import ZhKit` is
// all a user needs.
@_exported import ZhMatch
@_exported import ZhNormalize
