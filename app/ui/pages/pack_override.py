"""F9 at the pack station: a supervisor lets a parcel out of tolerance go, with PIN and reason.

Keyboard only: the PIN field has the focus, Tab goes to the reason, Enter accepts, Esc
cancels. The dialog checks nothing itself: the PIN is the service's to verify (wrong
PINs are counted and lock the supervisor out, see :func:`app.services.users.
verify_supervisor_pin`), and the reason is recorded with the parcel.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.packing import WeightCheck


class OverrideDialog(QDialog):
    """Asks for the supervisor's PIN and the reason the weight is to be accepted."""

    def __init__(self, check: WeightCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor override"))
        self.setMinimumWidth(460)
        summary = QLabel(self.tr(
            "Parcel {seq} of order {order}: expected {expected} g, actual {actual} g "
            "(difference {difference:+d} g).").format(
            seq=check.parcel_seq, order=check.number, expected=check.expected_g,
            actual=check.actual_g, difference=check.difference_g))
        summary.setWordWrap(True)
        summary.setStyleSheet("font-size: 12pt;")
        self.pin = QLineEdit()
        self.pin.setObjectName("OverridePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setObjectName("OverrideReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. the buyer's gift box is heavier"))
        form = QFormLayout()
        form.addRow(self.tr("Supervisor PIN:"), self.pin)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b42318; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.pin.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self._on_accepted)
        self.pin.setFocus()

    def _on_accepted(self) -> None:
        """Both are needed; say which is missing instead of closing."""
        if not self.pin.text():
            self.problem.setText(self.tr("Enter the supervisor's PIN."))
            self.pin.setFocus()
        elif not self.reason.text().strip():
            self.problem.setText(self.tr("Enter the reason."))
            self.reason.setFocus()
        else:
            self.accept()

    def values(self) -> tuple[str, str]:
        """(PIN, reason)."""
        return self.pin.text(), self.reason.text().strip()
