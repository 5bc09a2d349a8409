"""The sections each rule rests on, worded for the Act the force answers under: held in
composer.law with the Acts' other facts, and named here too for the checker's rules."""

from composer.law import FOIA_FEES, FOISA_FEES, LAW, NAME, ncnd_pair, number, short  # noqa: F401
