using System.Globalization;

namespace Baken.Methods.Cascades.Compound;

/// <summary>
/// The scale that turns a quantity of one criterion (deaths, euros, people × days, …) into a class: the lower
/// bounds of classes A … E, in the criterion's unit. A quantity below A's bound is class X.
/// </summary>
/// <remarks>
/// The official NRB boundaries could not be verified (METHODS.md §1.1); callers pass the configured scale, e.g. the
/// indicative decade ladder for deaths 1, 10, 100, 1 000, 10 000.
/// </remarks>
public sealed record ClassLowerBounds
{
    /// <param name="lowerBounds">Five finite bounds for A, B, C, D, E: the first &gt; 0, each larger than the one before.</param>
    public ClassLowerBounds(IReadOnlyList<double> lowerBounds)
    {
        ArgumentNullException.ThrowIfNull(lowerBounds);
        if (lowerBounds.Count != 5)
            throw new ArgumentException(
                $"{lowerBounds.Count} class bounds are given; there must be 5, the lower bounds of classes A, B, C, D and E.",
                nameof(lowerBounds));
        for (var i = 0; i < 5; i++)
        {
            var bound = lowerBounds[i];
            var letter = ImpactClassLetter.At(i + 1);
            if (!double.IsFinite(bound))
                throw new ArgumentException($"The lower bound of class {letter} is {bound}; it must be a finite number.", nameof(lowerBounds));
            if (i == 0 && bound <= 0)
                throw new ArgumentException(
                    $"The lower bound of class A is {bound}; it must be > 0 so that a quantity of 0 stays class X.", nameof(lowerBounds));
            if (i > 0 && bound <= lowerBounds[i - 1])
                throw new ArgumentException(
                    $"The lower bound of class {letter} ({bound}) must be larger than that of class {ImpactClassLetter.At(i)} ({lowerBounds[i - 1]}).",
                    nameof(lowerBounds));
        }
        Bounds = lowerBounds.ToArray();
    }

    /// <summary>Lower bounds of A … E, increasing.</summary>
    public IReadOnlyList<double> Bounds { get; }

    /// <summary>The class of <paramref name="quantity"/> (≥ 0): the highest class whose lower bound it reaches, else 'X'.</summary>
    public char Classify(double quantity)
    {
        if (!double.IsFinite(quantity) || quantity < 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A quantity to classify must be a finite number ≥ 0.");
        var index = 0;
        while (index < 5 && quantity >= Bounds[index]) index++;
        return ImpactClassLetter.At(index);
    }

    internal string Describe(char letter) =>
        letter == 'X'
            ? $"X below {Bounds[0].ToString("G6", CultureInfo.InvariantCulture)}"
            : $"{letter} from {Bounds[ImpactClassLetter.Ladder.IndexOf(letter, StringComparison.Ordinal) - 1].ToString("G6", CultureInfo.InvariantCulture)}";
}
