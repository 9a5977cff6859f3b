/// `AND` and `FOLLOWEDBY`: every disjoint pair of a left and a right binding (that `accept`
/// allows), discovered by alternately pulling one binding from each side and pairing it with
/// everything already seen on the other side — the reference's interleaved cross product.
final class JoinSource: BindingSource {
    private enum Phase { case right(Int), left(Int) }

    private let lhs: any BindingSource
    private let rhs: any BindingSource
    private let accept: (Binding, Binding) -> Bool
    private let budget: SearchBudget
    private var started = false
    private var finished = false
    private var phase = Phase.right(0)
    private var nextLeft: Binding?
    private var nextRight: Binding?
    private var leftSeen: [Binding] = []
    private var rightSeen: [Binding] = []

    init(_ lhs: any BindingSource, _ rhs: any BindingSource, budget: SearchBudget, accept: @escaping (Binding, Binding) -> Bool) {
        self.lhs = lhs
        self.rhs = rhs
        self.budget = budget
        self.accept = accept
    }

    func next() throws(MatcherError) -> Binding? {
        if !started {
            started = true
            nextRight = try rhs.next()
            nextLeft = try lhs.next()
            finished = nextRight == nil || nextLeft == nil
        }
        while !finished {
            switch phase {
            case .right(let index):
                guard let right = nextRight else {
                    phase = .left(0)
                    continue
                }
                if index < leftSeen.count {
                    phase = .right(index + 1)
                    let left = leftSeen[index]
                    try budget.spend(left.count + right.count)
                    if Bindings.disjoint(left, right) && accept(left, right) { return left + right }
                    continue
                }
                rightSeen.append(right)
                nextRight = try rhs.next()
                phase = .left(0)
            case .left(let index):
                guard let left = nextLeft else {
                    phase = .right(0)
                    finished = nextRight == nil
                    continue
                }
                if index < rightSeen.count {
                    phase = .left(index + 1)
                    let right = rightSeen[index]
                    try budget.spend(left.count + right.count)
                    if Bindings.disjoint(left, right) && accept(left, right) { return left + right }
                    continue
                }
                leftSeen.append(left)
                nextLeft = try lhs.next()
                phase = .right(0)
                finished = nextLeft == nil && nextRight == nil
            }
        }
        return nil
    }
}

/// `OR`: bindings of either side, alternating left and right.
final class AlternationSource: BindingSource {
    private let lhs: any BindingSource
    private let rhs: any BindingSource
    private var started = false
    private var nextLeft: Binding?
    private var nextRight: Binding?
    private var pullLeft = false
    private var pullRight = false
    private var leftTurn = true

    init(_ lhs: any BindingSource, _ rhs: any BindingSource) {
        self.lhs = lhs
        self.rhs = rhs
    }

    func next() throws(MatcherError) -> Binding? {
        if !started {
            started = true
            nextLeft = try lhs.next()
            nextRight = try rhs.next()
        }
        while true {
            if pullLeft { pullLeft = false; nextLeft = try lhs.next() }
            if pullRight { pullRight = false; nextRight = try rhs.next() }
            if nextLeft == nil && nextRight == nil && leftTurn { return nil }
            if leftTurn {
                leftTurn = false
                if let left = nextLeft {
                    pullLeft = true
                    return left
                }
            } else {
                leftTurn = true
                if let right = nextRight {
                    pullRight = true
                    return right
                }
            }
        }
    }
}
