extension Optimizer {
    /// Keras 3's defaults, written once: ``Optimizer/init(kind:learningRate:momentum:nesterov:beta1:beta2:rho:epsilon:weightDecay:)``
    /// and the `training` section of experiment files both take them from here. Held as `Double`,
    /// the precision files are written in; the optimizer rounds them to `Float`.
    public enum Defaults {
        public static let momentum = 0.0
        public static let nesterov = false
        public static let beta1 = 0.9
        public static let beta2 = 0.999
        public static let rho = 0.9
        public static let epsilon = 1e-7
        public static let weightDecay = 0.0
    }
}
