/**
 * The icon of a touchpoint kind. Line icons (lucide) in the text colour rather than emoji:
 * emoji depend on the machine's fonts (a Linux desktop without an emoji font shows empty
 * boxes) and their colours would compete with the status colours. The icon is decoration;
 * the kind is always written beside it.
 */
import {
  ArrowDownLeft, ArrowUpRight, CircleDollarSign, Gauge, Gift, Handshake, Mail, MessageSquare, Phone, StickyNote, UserPlus, Users, Utensils,
  type LucideIcon,
} from 'lucide-react';
import type { TouchKind } from '@/lib/domain/model';

const ICONS: Record<TouchKind, LucideIcon> = {
  'email-in': ArrowDownLeft,
  'email-out': ArrowUpRight,
  call: Phone,
  meeting: Users,
  message: MessageSquare,
  mail: Mail,
  gift: Gift,
  lunch: Utensils,
  sale: CircleDollarSign,
  note: StickyNote,
  referral: UserPlus,
  'referral-ask': Handshake,
  score: Gauge,
};

export function KindIcon({ kind }: { kind: TouchKind }) {
  const Icon = ICONS[kind];
  return <Icon className="tp-icon" size={16} strokeWidth={1.75} aria-hidden="true" focusable="false" data-kind={kind} />;
}
