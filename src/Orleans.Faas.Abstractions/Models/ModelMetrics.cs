namespace Orleans.Faas.Models;

/// <summary>How well a runtime model predicts wall times, from k-fold cross-validation on the same rows for every model compared.</summary>
/// <param name="MaeMs">Mean absolute error, in milliseconds.</param>
/// <param name="Mape">Mean absolute percentage error as a fraction (0.12 is 12%), computed on milliseconds.</param>
/// <param name="R2">Coefficient of determination of the log wall time.</param>
/// <param name="Rows">Rows the folds were cut from.</param>
/// <param name="Folds">Number of folds.</param>
[GenerateSerializer, Immutable, Alias("faas.ModelMetrics")]
public sealed record ModelMetrics(
    [property: Id(0)] double MaeMs,
    [property: Id(1)] double Mape,
    [property: Id(2)] double R2,
    [property: Id(3)] int Rows,
    [property: Id(4)] int Folds);
