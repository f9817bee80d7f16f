namespace Descent.Runs;

/// <summary>
/// Every name Descent gives to something in an MLflow run (params, tags, metrics, artifacts), spelled here
/// once. <see cref="Trials.TrialRunLayout"/> and <see cref="Sweeps.SweepRunLayout"/> write and read runs
/// with them; nothing else spells an MLflow key.
/// </summary>
public static class RunKeys
{
    /// <summary>Param keys. An optimizer's hyperparameters are logged under their own (PyTorch) names.</summary>
    public static class Params
    {
        /// <summary>The optimizer's plugin id.</summary>
        public const string Optimizer = "optimizer";

        /// <summary>The optimizer plugin's version.</summary>
        public const string OptimizerVersion = "optimizer.version";

        /// <summary>Prefix of an optimizer hyperparameter whose name is one of Descent's own keys (<c>optimizer.seed</c>).</summary>
        public const string OptimizerPrefix = "optimizer.";

        /// <summary>The objective's plugin id.</summary>
        public const string Objective = "objective";

        /// <summary>The objective plugin's version.</summary>
        public const string ObjectiveVersion = "objective.version";

        /// <summary>Prefix of the objective's options (<c>objective.start</c>).</summary>
        public const string ObjectivePrefix = "objective.";

        /// <summary>The dataset's plugin id (data trials).</summary>
        public const string Dataset = "dataset";

        /// <summary>The dataset plugin's version.</summary>
        public const string DatasetVersion = "dataset.version";

        /// <summary>Prefix of the dataset's options (<c>dataset.rows</c>).</summary>
        public const string DatasetPrefix = "dataset.";

        /// <summary>The learning-rate schedule's plugin id (trials under a schedule).</summary>
        public const string Schedule = "schedule";

        /// <summary>The schedule plugin's version.</summary>
        public const string ScheduleVersion = "schedule.version";

        /// <summary>Prefix of the schedule's arguments (<c>schedule.warmup_steps</c>).</summary>
        public const string SchedulePrefix = "schedule.";

        /// <summary>Optimizer steps (analytic objectives, or a step budget).</summary>
        public const string Steps = "steps";

        /// <summary>Passes over the data.</summary>
        public const string Epochs = "epochs";

        /// <summary>Minibatch size.</summary>
        public const string BatchSize = "batch_size";

        /// <summary>Record the loss every this many minibatches.</summary>
        public const string RecordEvery = "record_every";

        /// <summary>Evaluate the splits every this many samples (objectives with metrics).</summary>
        public const string EvalEvery = "eval_every";

        /// <summary>Samples per forward pass when evaluating a split.</summary>
        public const string EvalBatchSize = "eval_batch_size";

        /// <summary>Whether gradients come from autograd (<c>true</c>/<c>false</c>).</summary>
        public const string Autograd = "autograd";

        /// <summary>The trial's seed.</summary>
        public const string Seed = "seed";

        /// <summary><c>float32</c> or <c>float64</c>.</summary>
        public const string DType = "dtype";

        /// <summary>The target's metric (<c>valid/accuracy</c>), for a trial with a target.</summary>
        public const string TargetMetric = "target.metric";

        /// <summary>The target's value.</summary>
        public const string TargetValue = "target.value";

        /// <summary>The target's direction, <c>max</c> (reached at &gt;= value) or <c>min</c> (at &lt;=).</summary>
        public const string TargetMode = "target.mode";

        /// <summary>Whether the trial stops at its target (<c>true</c>/<c>false</c>).</summary>
        public const string TargetStop = "target.stop";
    }

    /// <summary>Metric keys.</summary>
    public static class Metrics
    {
        /// <summary>The loss history (step: samples seen for data trials, the iteration for analytic objectives).</summary>
        public const string Loss = "loss";

        /// <summary>Under a schedule: the learning rate the last step used, at each recorded point (same steps as <see cref="Loss"/>).</summary>
        public const string LearningRate = "lr";

        /// <summary>Fractional epoch at each recorded point (data trials).</summary>
        public const string Epoch = "epoch";

        /// <summary>Wall time of each epoch, step = epoch number.</summary>
        public const string EpochSeconds = "epoch_seconds";

        /// <summary>Mean seconds per epoch.</summary>
        public const string SecondsPerEpoch = "seconds_per_epoch";

        /// <summary>The last recorded loss.</summary>
        public const string FinalLoss = "final_loss";

        /// <summary>Wall time of the training loop.</summary>
        public const string WallSeconds = "wall_seconds";

        /// <summary>
        /// A split's metric, <c>SPLIT/METRIC</c> (step: samples seen): <c>train/loss</c> (the minibatch loss averaged
        /// since the previous evaluation), <c>train_eval/loss</c>, <c>valid/loss</c>, <c>valid/accuracy</c>, <c>test/loss</c>, <c>test/accuracy</c>.
        /// </summary>
        public static string SplitMetric(string split, string metric) => $"{split}/{metric}";

        /// <summary>Seconds spent evaluating splits (not part of <see cref="WallSeconds"/> or <see cref="EpochSeconds"/>).</summary>
        public const string EvaluationSeconds = "evaluation_seconds";

        /// <summary>
        /// The training clock at each evaluation (step: samples seen, once per evaluation however many splits it has):
        /// wall seconds of the training steps so far, evaluation time excluded, 0 before the first step.
        /// </summary>
        public const string TrainSeconds = "train_seconds";

        /// <summary>Where the trial first reached its target: optimizer steps (logged only when reached).</summary>
        public const string TimeToTargetSteps = "time_to_target/steps";

        /// <summary>Where the trial first reached its target: training samples seen.</summary>
        public const string TimeToTargetSamples = "time_to_target/samples";

        /// <summary>Where the trial first reached its target: training seconds (the <see cref="TrainSeconds"/> clock).</summary>
        public const string TimeToTargetSeconds = "time_to_target/seconds";

        /// <summary>Prefix of the coordinate metrics of 1-D and 2-D objectives (one chart section in the MLflow UI).</summary>
        public const string TrajectoryPrefix = "trajectory/";

        /// <summary>1 when the trial ended at its target before its last epoch (<c>stop: true</c>), else 0; logged for trials with a target.</summary>
        public const string StoppedAtTarget = "stopped_at_target";

        /// <summary>On a sweep's parent: the lowest finite final loss of its trials.</summary>
        public const string BestFinalLoss = "best_final_loss";

        /// <summary>On a sweep's parent: <c>trials_finished</c>, <c>trials_diverged</c>, <c>trials_failed</c>, <c>trials_killed</c>.</summary>
        public static string TrialsWithStatus(string status) => $"trials_{status}";
    }

    /// <summary>Tag keys and values. Descent's own tags start with <c>descent.</c> so filters can use them.</summary>
    public static class Tags
    {
        /// <summary>The hash of the trial's resolved configuration.</summary>
        public const string TrialHash = "descent.trial_hash";

        /// <summary>How the trial ended: <c>finished</c>, <c>diverged</c>, <c>failed</c> or <c>killed</c>.</summary>
        public const string Status = "descent.status";

        /// <summary>For failed trials: what went wrong, in one line.</summary>
        public const string Error = "descent.error";

        /// <summary>Why a trial's files could not be written (the run itself is complete).</summary>
        public const string ArtifactsError = "descent.artifacts_error";

        /// <summary>Whether a failed trial was retried, and why not when it was not (a plugin's exception is not; a crash or a timeout is).</summary>
        public const string Retry = "descent.retry";

        /// <summary>The Descent version that ran the trial.</summary>
        public const string Version = "descent.version";

        /// <summary>TorchSharp's version.</summary>
        public const string TorchSharpVersion = "descent.torchsharp.version";

        /// <summary>libtorch's version.</summary>
        public const string LibTorchVersion = "descent.libtorch.version";

        /// <summary>The operating system.</summary>
        public const string Os = "descent.os";

        /// <summary>The CPU model and logical core count.</summary>
        public const string Cpu = "descent.cpu";

        /// <summary>The .NET runtime.</summary>
        public const string Runtime = "descent.dotnet";

        /// <summary>The device the trial computed on (<c>cpu</c>, <c>cuda:0</c>).</summary>
        public const string Device = "descent.device";

        /// <summary>Rows of a data trial's dataset.</summary>
        public const string DatasetRows = "descent.dataset.rows";

        /// <summary>Where a data trial's rows came from (a path or URL, credentials scrubbed).</summary>
        public const string DatasetSource = "descent.dataset.source";

        /// <summary>The SHA-256 of a data trial's data file.</summary>
        public const string DatasetFileSha256 = "descent.dataset.file_sha256";

        /// <summary>On a sweep's parent and children: the sweep's identity.</summary>
        public const string Sweep = "descent.sweep";

        /// <summary><see cref="SweepKind"/> on a parent, <see cref="TrialKind"/> on each child.</summary>
        public const string Kind = "descent.run_kind";

        /// <summary>On a parent: the experiment file's name (its <c>name:</c>).</summary>
        public const string SweepName = "descent.sweep_name";

        /// <summary>On a parent: the experiment file's path as given.</summary>
        public const string SweepFile = "descent.sweep_file";

        /// <summary>On a parent: how many trials the whole sweep has.</summary>
        public const string TrialCount = "descent.sweep_trials";

        /// <summary>On each child: the optimizer configuration its seeds share (<c>momentum lr=0.02 momentum=0.5</c>).</summary>
        public const string Configuration = "descent.configuration";

        /// <summary>On each child: the trial's index in the sweep.</summary>
        public const string TrialIndex = "descent.trial_index";

        /// <summary>On a run a later attempt found left RUNNING by a process that was killed: <c>true</c>.</summary>
        public const string Stale = "descent.stale";

        /// <summary>On a parent that lost the race to another process's parent of the same sweep: the winner's run id.</summary>
        public const string DuplicateOf = "descent.duplicate_of";

        /// <summary>On a parent: prefix of each running process's heartbeat (<c>descent.heartbeat.&lt;id&gt;</c>, the last beat in Unix milliseconds).</summary>
        public const string HeartbeatPrefix = "descent.heartbeat.";

        /// <summary>On a parent: whether the sweep was left incomplete with no shard running (<c>true</c>/<c>false</c>).</summary>
        public const string Incomplete = "descent.incomplete";

        /// <summary>On a benchmark trial's run: <c>tune</c> or <c>rerun</c> (a rerun that equals a tuning trial keeps the tuning trial's run).</summary>
        public const string BenchmarkPhase = "descent.benchmark.phase";

        /// <summary>On a benchmark trial's run: its study.</summary>
        public const string BenchmarkStudy = "descent.benchmark.study";

        /// <summary>On a benchmark trial's run: its number within its study.</summary>
        public const string BenchmarkTrial = "descent.benchmark.trial";

        /// <summary>On a benchmark cell's run and its trials' runs: the workload's name.</summary>
        public const string BenchmarkWorkload = "descent.benchmark.workload";

        /// <summary>On a benchmark cell's run and its trials' runs: the optimizer entry's label (its id when unlabelled).</summary>
        public const string BenchmarkOptimizer = "descent.benchmark.optimizer";

        /// <summary>Value of <see cref="Kind"/> on a parent.</summary>
        public const string SweepKind = "sweep";

        /// <summary>Value of <see cref="Kind"/> on a child.</summary>
        public const string TrialKind = "trial";

        /// <summary>Value of <see cref="Kind"/> on a group run between a parent and its trials (a benchmark's workload x optimizer).</summary>
        public const string GroupKind = "group";

        /// <summary>On a group run and its trials' runs: the group's key within its sweep.</summary>
        public const string Group = "descent.group";

        /// <summary><c>descent.&lt;role&gt;.version</c> for the optimizer, objective, dataset and schedule plugins.</summary>
        public static string PluginVersion(string role) => $"descent.{role}.version";

        /// <summary><c>descent.&lt;role&gt;.sha256</c>: the SHA-256 of the plugin's assembly.</summary>
        public static string PluginSha256(string role) => $"descent.{role}.sha256";
    }

    /// <summary>Artifact paths.</summary>
    public static class Artifacts
    {
        /// <summary>The resolved configuration (canonical JSON, indented); attached when the trial starts.</summary>
        public const string Configuration = "trial.json";

        /// <summary>The trial's result: status, final loss, timings, the history.</summary>
        public const string Result = "result.json";

        /// <summary>The history as CSV.</summary>
        public const string History = "history.csv";

        /// <summary>A worker's whole standard error during a trial whose worker crashed, was timed out or killed.</summary>
        public const string WorkerStderr = "worker-stderr.txt";

        /// <summary>The loss curve (optional: MLflow draws it from the metrics).</summary>
        public const string LossPicture = "loss.png";

        /// <summary>The path over the contours of a 1-D or 2-D objective (MLflow cannot draw it).</summary>
        public const string TrajectoryPicture = "trajectory.png";

        /// <summary>On a sweep's parent: the experiment file.</summary>
        public const string ExperimentFile = "experiment.yaml";
    }
}
